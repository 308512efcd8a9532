package dev.kiln.vmm;

import dev.kiln.linux.Libc;
import dev.kiln.vmm.kvm.Vcpu;
import dev.kiln.vmm.kvm.VcpuKicker;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Why and whether a VM must stop, and how to get its vCPU thread's attention: a stop may come
 * from any thread (the user, a timeout, a device that found the guest broke the ABI) while
 * the vCPU thread is inside KVM_RUN or parked in a yield.
 */
final class StopRequest {
    /** Why the VM must stop: a timeout, a stop request, or (guestError) a device found the guest broke the ABI. */
    record Cause(String reason, Duration timeout, boolean guestError) {
        VmExit exit() {
            if (guestError) return new VmExit.GuestError(reason);
            return timeout != null ? new VmExit.TimedOut(timeout) : new VmExit.Stopped(reason);
        }
    }

    private final Vcpu vcpu;
    private volatile Cause cause;
    // guarded by `this`
    private int vcpuTid;
    private Thread vcpuThread;
    private boolean closed;

    StopRequest(Vcpu vcpu) {
        this.vcpu = vcpu;
    }

    /** The first cause requested, or null. */
    Cause cause() {
        return cause;
    }

    boolean requested() {
        return cause != null;
    }

    /** Asks the VM to stop; the first cause wins. Interrupts KVM_RUN and wakes a yield. Any thread. */
    synchronized void request(Cause c) {
        if (cause != null || closed) return;
        cause = c;
        vcpu.requestImmediateExit(true); // covers a kick that lands before KVM_RUN
        if (vcpuTid != 0) {
            VcpuKicker.kick(vcpuTid); // safe: vcpuTid is only non-zero while that thread runs the VM
            LockSupport.unpark(vcpuThread);
        }
    }

    /** Wakes the vCPU thread if it sleeps in a yield (the guest's stop request): no kick, KVM_RUN goes on. Any thread. */
    synchronized void wakeYield() {
        if (vcpuThread != null) LockSupport.unpark(vcpuThread);
    }

    /**
     * Gets the vCPU thread out of KVM_RUN or a yield without stopping the VM (a debugger's
     * interrupt): the run loop then asks the debugger what to do. Any thread.
     */
    synchronized void kick() {
        if (closed) return;
        vcpu.requestImmediateExit(true);
        if (vcpuTid != 0) {
            VcpuKicker.kick(vcpuTid);
            LockSupport.unpark(vcpuThread);
        }
    }

    /**
     * Gets the vCPU thread out of KVM_RUN for a profiler's sample: the signal alone (no
     * immediate_exit, which would have to be cleared again; a kick that misses is the next
     * tick's to repeat) and no unpark (a yield goes on). Any thread.
     */
    synchronized void kickForSample() {
        if (!closed && vcpuTid != 0) VcpuKicker.kick(vcpuTid);
    }

    /** The calling thread is about to run the vCPU. */
    synchronized void attach() {
        vcpuTid = Libc.gettid();
        vcpuThread = Thread.currentThread();
    }

    /** The vCPU thread is done with the vCPU. */
    synchronized void detach() {
        vcpuTid = 0;
        vcpuThread = null;
    }

    /**
     * No more requests touch the vCPU (its shell goes back to the pool). False if already
     * closed; throws if a thread still runs the vCPU.
     */
    synchronized boolean close() {
        if (closed) return false;
        if (vcpuTid != 0) throw new IllegalStateException("close() while the VM is running; stop() it first");
        closed = true;
        return true;
    }

    /** Runs {@code action} unless closed (false then), with {@link #close} waiting until it is done. */
    synchronized boolean whileOpen(java.util.function.BooleanSupplier action) {
        return !closed && action.getAsBoolean();
    }

    synchronized boolean closed() {
        return closed;
    }
}
