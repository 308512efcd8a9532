package dev.kiln.rt;

import dev.kiln.libos.concurrent.VirtualThread;
import org.teavm.interop.AsyncCallback;

/**
 * Where TeaVM 0.12.3's threads differ from HotSpot's (the builder redirects to these,
 * see KilnTeaVMTransformer):
 * <ul>
 * <li>Thread names: TeaVM leaves the name of {@code new Thread()} and {@code new Thread(runnable)}
 *     null; HotSpot calls them Thread-0, Thread-1, ... from one counter.</li>
 * <li>Thread.sleep with a negative timeout: TeaVM schedules a wake-up in the past and returns;
 *     HotSpot throws IllegalArgumentException.</li>
 * <li>interrupt() of a thread blocked in Object.wait(): TeaVM resumes the waiter with
 *     InterruptedException without giving the monitor back, so the waiter's synchronized block
 *     ends in IllegalMonitorStateException; HotSpot re-acquires the monitor first and clears
 *     the interrupt status. {@link #interruptedWait} is the callback TeaVM's wait gets instead.</li>
 * </ul>
 */
public final class KilnThreads {
    private static int threadNumber;

    private KilnThreads() {
    }

    /** The name of the next thread created without one, as HotSpot counts them. */
    public static String nextThreadName() {
        return "Thread-" + threadNumber++;
    }

    /** Thread.isVirtual(): true for the threads of Thread.ofVirtual() and Executors.newVirtualThreadPerTaskExecutor(). */
    public static boolean isVirtual(Thread thread) {
        return thread instanceof VirtualThread;
    }

    /** Thread.threadId() (JDK 19), which TeaVM's Thread lacks: getId(). */
    public static long threadId(Thread thread) {
        return thread.getId();
    }

    /** Thread.onSpinWait(): with one vCPU and no preemption, a spinning thread must let the others run. */
    public static void onSpinWait() {
        Thread.yield();
    }

    /**
     * Thread.sleep(long) as HotSpot checks it, and never shorter than asked: TeaVM's timer runs on
     * currentTimeMillis, whole milliseconds, so a sleep begun late in a millisecond woke up to one
     * millisecond early (SleepAndTime saw 49.x ms of nanoTime for sleep(50)); what is left is slept again.
     */
    public static void sleep(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        long start = System.nanoTime();
        Thread.sleep(millis);
        if (millis > Long.MAX_VALUE / 1_000_000L) {
            return;
        }
        long left;
        while ((left = millis * 1_000_000L - (System.nanoTime() - start)) > 0) {
            Thread.sleep(left / 1_000_000L + 1);
        }
    }

    /**
     * A callback for re-entering the monitor of an interrupted Object.wait(): once the waiter
     * owns the monitor again (the callback completes on the waiter's thread), its wait ends in
     * InterruptedException and its interrupt status is cleared.
     */
    public static AsyncCallback<Void> interruptedWait(AsyncCallback<Void> waiter) {
        return new InterruptedWait(waiter);
    }

    private static final class InterruptedWait implements AsyncCallback<Void> {
        private final AsyncCallback<Void> waiter;

        InterruptedWait(AsyncCallback<Void> waiter) {
            this.waiter = waiter;
        }

        @Override
        public void complete(Void result) {
            Thread.interrupted();
            waiter.error(new InterruptedException());
        }

        @Override
        public void error(Throwable e) {
            waiter.error(e);
        }
    }
}
