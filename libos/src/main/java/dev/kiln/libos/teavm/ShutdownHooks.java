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

    /**
     * The registered hooks, created by the first {@link #add}: TeaVM compiles what a program can
     * reach, and the code that starts and joins hook threads is only called through this interface,
     * whose one implementation only {@link #add} creates, so an image that registers no hook
     * carries none of it (as with EventLoop's poller; a final class's methods would be compiled in).
     */
    private static HookRunner hooks;
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
        if (hooks == null) {
            hooks = new Hooks();
        }
        if (hooks.indexOf(hook) >= 0) {
            throw new IllegalArgumentException("Hook previously registered");
        }
        hooks.add(hook);
    }

    public static boolean remove(Thread hook) {
        if (hook == null) {
            throw new NullPointerException();
        }
        if (started) {
            throw new IllegalStateException("Shutdown in progress");
        }
        int i = hooks == null ? -1 : hooks.indexOf(hook);
        if (i < 0) {
            return false;
        }
        hooks.remove(i);
        return true;
    }

    /** True while no shutdown began and some hook is registered. */
    static boolean pending() {
        return !started && hooks != null && !hooks.isEmpty();
    }

    /** True once the hooks began to run (or the image is on its way out). */
    static boolean started() {
        return started;
    }

    /** System.exit and Runtime.exit, on a green thread: the hooks (once), then the image ends with {@code status}. */
    public static void exit(int status) {
        if (started && hooks != null) {
            // HotSpot: a second exit (a hook's, another thread's) waits for the first, which never
            // returns. Without hooks a first exit ends the image before any other thread runs.
            hooks.blockForever();
        }
        started = true;
        HookRunner h = hooks;
        if (h != null) {
            h.runAll();
        }
        end(status);
    }

    /**
     * From the event loop, which is no green thread and must not block: with hooks, a green thread
     * that runs them and then ends the image with {@code status} (exit) or, with {@code status} < 0,
     * just lets the program end (the last thread ended: the loop carries on and ends it); without
     * hooks, the image ends now with {@code status} (>= 0).
     */
    static void startFromLoop(int status) {
        if (started) {
            return;
        }
        HookRunner h = hooks;
        if (h != null && !h.isEmpty()) {
            h.startThread(status);
        } else if (status >= 0) {
            started = true;
            end(status);
        }
    }

    private static void end(int status) {
        EventLoop.finishIo();
        KilnRuntime.halt(status);
    }

    private interface HookRunner {
        int indexOf(Thread hook);

        void add(Thread hook);

        void remove(int index);

        boolean isEmpty();

        void startThread(int status);

        void runAll();

        void blockForever();
    }

    private static class Hooks implements HookRunner {
        final ArrayList<Thread> list = new ArrayList<>();

        @Override
        public void add(Thread hook) {
            list.add(hook);
        }

        @Override
        public void remove(int index) {
            list.remove(index);
        }

        @Override
        public boolean isEmpty() {
            return list.isEmpty();
        }

        @Override
        public int indexOf(Thread hook) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == hook) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void startThread(int status) {
            Thread t = new Thread(() -> {
                if (status >= 0) {
                    exit(status);
                } else {
                    started = true;
                    runAll();
                }
            }, "kiln-shutdown");
            t.start();
        }

        /** Starts every hook on a green thread of its own, then waits for all of them (HotSpot's order). */
        @Override
        public void runAll() {
            Thread[] all = list.toArray(new Thread[0]);
            for (Thread h : all) {
                h.start();
            }
            for (Thread h : all) {
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

        @Override
        public void blockForever() {
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
}
