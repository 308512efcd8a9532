package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.device.net.NetDevice;
import dev.kiln.vmm.memory.GuestRange;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * KILN_HC_YIELD {timeout_ns, ready out}: the guest has nothing to do. Blocks the vCPU thread
 * (parks, never spins) until the timeout passes (capped: the guest just yields again, which
 * the ABI allows), the VM is stopped (whoever stops it unparks this thread), or a device has
 * work the guest asked to be woken for; then reports those devices in {@code ready}.
 */
public final class YieldCall implements Hypercall.Handler {
    /** The longest one yield blocks. */
    public static final long CAP_NS = 1_000_000_000L;

    private final NetDevice net;
    private final BooleanSupplier stopped;

    /** @param net the VM's net device, or null; @param stopped true once the VM must stop */
    public YieldCall(NetDevice net, BooleanSupplier stopped) {
        this.net = net;
        this.stopped = stopped;
    }

    @Override
    public VmExit call(GuestRange block) {
        long timeout = block.getLong(Abi.YIELD_TIMEOUT_NS);
        long wait = Long.compareUnsigned(timeout, CAP_NS) > 0 ? CAP_NS : timeout;
        long deadline = System.nanoTime() + wait;
        long ready = 0;
        if (net != null) {
            ready = net.sleep(deadline, stopped);
        } else {
            for (long left = wait; left > 0 && !stopped.getAsBoolean(); left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }
        block.putLong(Abi.YIELD_READY, ready);
        return null;
    }
}
