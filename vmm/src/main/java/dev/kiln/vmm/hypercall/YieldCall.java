package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.device.net.NetDevice;
import dev.kiln.vmm.memory.GuestRange;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * KILN_HC_YIELD {timeout_ns, ready out}: the guest has nothing to do. Blocks the vCPU thread
 * (parks, never spins) until the timeout passes (capped: the guest just yields again, which
 * the ABI allows), the VM is stopped or the guest asked to stop (whoever does it unparks this
 * thread), or a device has work the guest asked to be woken for; then reports those devices,
 * and a stop request once ({@code KILN_READY_STOP}), in {@code ready}.
 */
public final class YieldCall implements Hypercall.Handler {
    /** The longest one yield blocks. */
    public static final long CAP_NS = 1_000_000_000L;

    private final NetDevice net;
    private final BooleanSupplier wake;
    private final LongSupplier readyBits;

    /**
     * @param net the VM's net device, or null
     * @param wake true once the yield must end now: the VM must stop, or a stop request waits to be reported
     * @param readyBits the bits a yield reports besides the devices' (KILN_READY_STOP, once)
     */
    public YieldCall(NetDevice net, BooleanSupplier wake, LongSupplier readyBits) {
        this.net = net;
        this.wake = wake;
        this.readyBits = readyBits;
    }

    @Override
    public VmExit call(GuestRange block) {
        long timeout = block.getLong(Abi.YIELD_TIMEOUT_NS);
        long wait = Long.compareUnsigned(timeout, CAP_NS) > 0 ? CAP_NS : timeout;
        long deadline = System.nanoTime() + wait;
        long ready = 0;
        if (net != null) {
            ready = net.sleep(deadline, wake);
        } else {
            for (long left = wait; left > 0 && !wake.getAsBoolean(); left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }
        block.putLong(Abi.YIELD_READY, ready | readyBits.getAsLong());
        return null;
    }
}
