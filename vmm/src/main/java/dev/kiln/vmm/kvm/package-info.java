/**
 * KVM objects of one VM: {@link dev.kiln.vmm.kvm.VmShell} (the KVM VM, its memory slot and one
 * vCPU: expensive to make, so reused across VMs of the same size), {@link dev.kiln.vmm.kvm.Vcpu}
 * (KVM_RUN, the exit kvm_run reports, registers), {@link dev.kiln.vmm.kvm.VcpuKicker} (getting a
 * vCPU thread out of KVM_RUN with a signal) and {@link dev.kiln.vmm.kvm.KvmCalls}. The ioctl
 * numbers and structure offsets are {@code dev.kiln.linux.kvm.KvmApi}.
 */
package dev.kiln.vmm.kvm;
