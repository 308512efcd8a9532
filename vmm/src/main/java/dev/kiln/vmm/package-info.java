/**
 * The Kiln monitor: boots native images on /dev/kvm through the FFM API.
 *
 * <p>This package is the public API and the VM's life: {@link dev.kiln.vmm.Kvm} (one per
 * process), {@link dev.kiln.vmm.VmConfig} and {@link dev.kiln.vmm.NetConfig}, {@link dev.kiln.vmm.Vm},
 * {@link dev.kiln.vmm.VmExit}, {@link dev.kiln.vmm.CrashReport}, {@link dev.kiln.vmm.VmStats},
 * {@link dev.kiln.vmm.VmmException}. Inside: the memory map of a VM ({@code GuestLayout}),
 * loading the image and writing the boot info ({@code ImageLoader}, {@code BootInfo}), the
 * vCPU thread's loop ({@code RunLoop}) and stop requests ({@code StopRequest}).
 *
 * <p>The pieces, one package each, in the order a VM meets them:
 * <ul>
 *   <li>{@link dev.kiln.vmm.kvm}: KVM objects, the reusable VM shell and the vCPU;</li>
 *   <li>{@link dev.kiln.vmm.memory}: guest memory, the one checked way into it, and the page tables;</li>
 *   <li>{@link dev.kiln.vmm.x86}: the CPU state a guest wakes up in;</li>
 *   <li>{@link dev.kiln.vmm.hypercall}: the ABI's calls, one table and one dispatcher;</li>
 *   <li>{@link dev.kiln.vmm.crash}: what a triple fault means;</li>
 *   <li>{@link dev.kiln.vmm.device.net}: the net device (rings, backend, I/O thread, counters);</li>
 *   <li>{@link dev.kiln.vmm.hostnet}: the host networking {@code kiln run} sets up around it;</li>
 *   <li>{@link dev.kiln.vmm.abi}: the Java mirror of guest/include/kiln/abi.h;</li>
 *   <li>{@link dev.kiln.vmm.sandbox}: the seccomp filter of each monitor thread kind (docs/security.md).</li>
 * </ul>
 * Images come parsed and validated from the image module ({@link dev.kiln.image.GuestImage},
 * parsed once, booted many times). The libc and KVM bindings themselves are the kiln-linux
 * module's ({@code dev.kiln.linux}).
 */
package dev.kiln.vmm;
