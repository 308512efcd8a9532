/**
 * The sampling profiler of native images ({@code kiln profile}): {@link dev.kiln.vmm.profile.Sampler}
 * interrupts the vCPU at a stated rate and records, on the vCPU thread, the guest's RIP and
 * the call-site ids of TeaVM's shadow stack ({@link dev.kiln.vmm.profile.ShadowStackWalker});
 * {@link dev.kiln.vmm.profile.CallSiteTable} turns the ids into Java class, method, file and
 * line; {@link dev.kiln.vmm.profile.StackSymbolizer} adds the leaf function from the ELF
 * symbols; {@link dev.kiln.vmm.profile.FoldedStacks} and {@link dev.kiln.vmm.profile.FlameGraphSvg}
 * write Brendan Gregg's folded stacks and a flame graph. Everything read from guest memory is
 * untrusted: {@link dev.kiln.vmm.profile.GuestWords} bounds every read, and a stack that makes
 * no sense ends as a truncated sample, never as an error of the VM.
 */
package dev.kiln.vmm.profile;
