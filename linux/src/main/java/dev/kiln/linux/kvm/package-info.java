/**
 * KVM's user-space interface ({@code <linux/kvm.h>}, x86-64): ioctl numbers, exit reasons and
 * structure offsets ({@link dev.kiln.linux.kvm.KvmApi}, checked against the header by
 * KvmLayoutTest with gcc) and a struct kvm_segment writer. The calls themselves are
 * {@link dev.kiln.linux.Libc#ioctl}; what to do with them is the monitor's (dev.kiln.vmm.kvm).
 */
package dev.kiln.linux.kvm;
