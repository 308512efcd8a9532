package dev.kiln.vmm;

/**
 * A VM's exits by their KVM exit reason ({@link Vm#exitReasons}), a snapshot; they add up to
 * {@link VmStats#exits} (read a moment apart, so within a few).
 *
 * @param io port I/O: hypercalls, and port accesses the monitor refuses
 * @param interrupt KVM_EXIT_INTR: a signal reached the vCPU while the guest ran (a stop request, a kick)
 * @param other every other reason: the one exit that ends a guest (shutdown, MMIO, HLT, a failed entry)
 */
public record ExitReasons(long io, long interrupt, long other) {}
