/**
 * The sampling profiler of native images ({@code kiln profile}): {@link dev.kiln.vmm.profile.Sampler}
 * interrupts the vCPU at a stated rate and records, on the vCPU thread, the guest's RIP and
 * the call-site ids of TeaVM's shadow stack, read by {@link dev.kiln.vmm.javastack.ShadowStack};
 * {@link dev.kiln.vmm.javastack.CallSiteTable} turns the ids into Java class, method, file and
 * line (the same readers {@code kiln stack} uses); {@link dev.kiln.vmm.profile.StackSymbolizer}
 * adds the leaf function from the ELF symbols; {@link dev.kiln.vmm.profile.FoldedStacks} and
 * {@link dev.kiln.vmm.profile.FlameGraphSvg} write Brendan Gregg's folded stacks and a flame
 * graph. Everything read from guest memory is untrusted: every read is checked, and a stack that
 * makes no sense ends as a truncated sample, never as an error of the VM.
 */
package dev.kiln.vmm.profile;
