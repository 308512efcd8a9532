package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestRange;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asking the guest to stop (docs/abi.md, "Stopping"), as opposed to {@link StopRequest}, which
 * ends the VM: the monitor sets {@code stop_requested} in the control page, which the guest can
 * read at any time without an exit but never write, and wakes a yield in progress, which then
 * reports {@link Abi#READY_STOP}. That bit is reported once (by the yield that was sleeping, or
 * by the next one): a guest that ignores the request keeps sleeping normally instead of being
 * woken by every yield until its caller destroys it.
 */
final class GuestStopRequest {
    private final GuestRange control;
    private final StopRequest vcpu;
    private final AtomicBoolean asked = new AtomicBoolean();
    /** The yield's ready bit, not yet reported. */
    private final AtomicBoolean readyPending = new AtomicBoolean();

    GuestStopRequest(GuestRange control, StopRequest vcpu) {
        this.control = control;
        this.vcpu = vcpu;
    }

    /**
     * Sets the control page's word and wakes a sleeping yield; false if the guest was already
     * asked or the VM is closed. Any thread, also one racing {@link Vm#close}: once closed, the
     * control page belongs to the pool's next VM (or is unmapped), so it is never written then.
     */
    boolean request() {
        return vcpu.whileOpen(() -> {
            if (!asked.compareAndSet(false, true)) return false;
            control.putLong(Abi.CONTROL_STOP_REQUESTED, 1);
            VarHandle.fullFence(); // the word is visible before the yield can return with the bit
            readyPending.set(true);
            vcpu.wakeYield();
            return true;
        });
    }

    boolean asked() {
        return asked.get();
    }

    /** True while the ready bit waits to be reported: a yield must not sleep. */
    boolean readyPending() {
        return readyPending.get();
    }

    /** The ready bit for the yield that returns now, once. */
    long takeReady() {
        return readyPending.getAndSet(false) ? Abi.READY_STOP : 0;
    }
}
