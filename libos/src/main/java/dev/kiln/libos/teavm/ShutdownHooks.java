package dev.kiln.libos.teavm;

import dev.kiln.rt.KilnRuntime;
import java.util.ArrayList;

/**
 * Runtime.addShutdownHook in a native image, with HotSpot's rules (TeaVM 0.12.3's class library
 * has none; the builder gives java.lang.Runtime the methods, which land here through
 * {@link KilnRuntime}). The hooks run, each on a green thread of its own, all started and then
 * all joined, when:
 * <ul>
 * <li>the program calls System.exit or Runtime.exit (then the image ends with that status);</li>
 * <li>the monitor asks the image to stop (kiln stop, kiln run's SIGTERM: docs/abi.md,
 *     "Stopping"); the image then ends with 143, as a JVM does on SIGTERM;</li>
 * <li>the program ends by itself (main returned and no thread is left) or main threw.</li>
 * </ul>
 * As on HotSpot, hooks run once; an exit asked for while they run (by a hook, or by another
 * thread) blocks that thread for good, and Runtime.halt ends the image at once without them.
 */
public final class ShutdownHooks {
    /** A JVM's exit status after SIGTERM (128 + 15). */
    public static final int STOPPED_STATUS = 143;

    private static final ArrayList<Thread> HOOKS = new ArrayList<>();
    private static boolean started;

    private ShutdownHooks() {
    }

    public static void add(Thread hook) {
        if (hook == null) {
            throw new NullPointerException();
        }
        if (started) {
            throw new IllegalStateException("Shutdown in progress");
        }
        // (HotSpot also refuses a thread already started; TeaVM's Thread.isAlive is true before start
        // too, so that one check is left out: such a hook fails when the shutdown starts it.)
        if (indexOf(hook) >= 0) {
            throw new IllegalArgumentException("Hook previously registered");
        }
        HOOKS.add(hook);
    }

    public static boolean remove(Thread hook) {
        if (hook == null) {
            throw new NullPointerException();
        }
        if (started) {
            throw new IllegalStateException("Shutdown in progress");
        }
        int i = indexOf(hook);
        if (i < 0) {
            return false;
        }
        HOOKS.remove(i);
        return true;
    }

    /** True while no shutdown began and some hook is registered. */
    static boolean pending() {
        return !started && !HOOKS.isEmpty();
    }

    /** True once the hooks began to run (or the image is on its way out). */
    static boolean started() {
        return started;
    }

    /** System.exit and Runtime.exit, on a green thread: the hooks (once), then the image ends with {@code status}. */
    public static void exit(int status) {
        if (started) {
            blockForever(); // HotSpot: a second exit waits for the first, which never returns
        }
        started = true;
        runHooks();
        EventLoop.finishIo();
        KilnRuntime.halt(status);
    }

    /**
     * From the event loop, which is no green thread and must not block: a green thread that runs
     * the hooks and then ends the image with {@code status} (exit) or, with {@code status} < 0,
     * just lets the program end (main returned: the loop carries on and ends it).
     */
    static void startFromLoop(int status) {
        if (started) {
            return;
        }
        Thread t = new Thread(() -> {
            if (status >= 0) {
                exit(status);
            } else {
                started = true;
                runHooks();
            }
        }, "kiln-shutdown");
        t.start();
    }

    private static void runHooks() {
        Thread[] hooks = HOOKS.toArray(new Thread[0]);
        for (Thread h : hooks) {
            h.start();
        }
        for (Thread h : hooks) {
            while (h.isAlive()) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    // as HotSpot's shutdown sequence: keep waiting for every hook
                }
            }
        }
        System.out.flush();
        System.err.flush();
    }

    private static int indexOf(Thread hook) {
        for (int i = 0; i < HOOKS.size(); i++) {
            if (HOOKS.get(i) == hook) {
                return i;
            }
        }
        return -1;
    }

    private static void blockForever() {
        Object never = new Object();
        synchronized (never) {
            while (true) {
                try {
                    never.wait();
                } catch (InterruptedException e) {
                    // nothing ends this wait
                }
            }
        }
    }
}
