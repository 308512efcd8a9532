/**
 * The Kiln monitor: boots native images on /dev/kvm through the FFM API.
 *
 * <p>Public API: {@link dev.kiln.vmm.Kvm} (one per process), {@link dev.kiln.vmm.VmConfig},
 * {@link dev.kiln.vmm.Vm}, {@link dev.kiln.vmm.VmExit}, {@link dev.kiln.vmm.CrashReport},
 * {@link dev.kiln.vmm.VmStats} and {@link dev.kiln.vmm.VmmException}. Images come parsed and
 * validated from the image module ({@link dev.kiln.image.GuestImage}, parsed once, booted many
 * times). The rest is package-private: libc and KVM bindings
 * ({@code Libc}, {@code KvmApi}), the memory layout ({@code GuestLayout}), page tables
 * ({@code PageTables}), the boot-info block ({@code BootInfo}), reusable VM shells
 * ({@code Shell}) and the vCPU kick ({@code VcpuKicker}).
 */
package dev.kiln.vmm;
