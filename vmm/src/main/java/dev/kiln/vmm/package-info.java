/**
 * The Kiln monitor: boots native images on /dev/kvm through the FFM API.
 *
 * <p>Public API: {@link dev.kiln.vmm.Kvm} (one per process), {@link dev.kiln.vmm.GuestImage}
 * (parsed once, booted many times), {@link dev.kiln.vmm.VmConfig}, {@link dev.kiln.vmm.Vm},
 * {@link dev.kiln.vmm.VmExit}, {@link dev.kiln.vmm.CrashReport}, {@link dev.kiln.vmm.VmStats},
 * {@link dev.kiln.vmm.Manifest}, {@link dev.kiln.vmm.VmmException} and
 * {@link dev.kiln.vmm.ImageException}. The rest is package-private: libc and KVM bindings
 * ({@code Libc}, {@code KvmApi}), the memory layout ({@code GuestLayout}), page tables
 * ({@code PageTables}), the boot-info block ({@code BootInfo}), reusable VM shells
 * ({@code Shell}) and the vCPU kick ({@code VcpuKicker}). The seccomp filters of the monitor's
 * threads are in {@link dev.kiln.vmm.sandbox}; the host side of networking in {@link dev.kiln.vmm.net}.
 */
package dev.kiln.vmm;
