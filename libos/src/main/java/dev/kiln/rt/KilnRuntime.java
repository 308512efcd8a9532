package dev.kiln.rt;

import dev.kiln.libos.teavm.ShutdownHooks;
import org.teavm.interop.Import;

/**
 * Java side of Kiln's runtime inside every native image. It is compiled into the
 * image by TeaVM with the application (it is on TeaVM's class path with the rest of libos), and
 * it fills in what TeaVM's C target does not do the way HotSpot does:
 * <ul>
 * <li>the entry point: runs the application's main, and turns an uncaught exception
 *     into HotSpot's "Exception in thread "main"" report and exit status 1;</li>
 * <li>integer division: the builder rewrites every int/long division and remainder
 *     into {@link #idiv} and friends, so division by zero throws ArithmeticException
 *     (x86's idiv would fault) and MIN_VALUE / -1 wraps as Java says (idiv would fault too);</li>
 * <li>OutOfMemoryError: when the GC finds no memory after a full collection, the C
 *     runtime (guest/teavm/heaptrace.c) throws the instance this class allocates at startup
 *     (nothing can be allocated at that point);</li>
 * <li>methods of java.lang missing from TeaVM's class library (Math.fma), which the builder
 *     adds to its classes delegating here;</li>
 * <li>System.exit, Runtime.exit and halt, and shutdown hooks ({@link ShutdownHooks}).</li>
 * </ul>
 * This class is compiled for Java 21 class files, as all of libos (the newest TeaVM 0.12.3 read).
 */
public final class KilnRuntime {
    private static OutOfMemoryError outOfMemoryError;

    private KilnRuntime() {
    }

    /**
     * The first call of every image. TeaVM starts at {@code dev.kiln.rt.KilnApp.main}, a class the
     * builder generates for each image (there is no source of it):
     * <pre>
     *   KilnRuntime.start(args);
     *   try { App.main(args); } catch (Throwable t) { KilnRuntime.mainThrew(t); }
     * </pre>
     */
    public static void start(String[] args) {
        outOfMemoryError = new OutOfMemoryError("Java heap space");
        if (args == null) {
            // Never true; a read that keeps the field for the C runtime, which throws it (guest/teavm/heaptrace.c).
            throw outOfMemoryError;
        }
        // Other threads' uncaught exceptions reach the default handler; main's is caught by the
        // generated entry point (TeaVM's own fallback prints bare frames and aborts).
        Thread.setDefaultUncaughtExceptionHandler(KilnRuntime::uncaught);
    }

    /** The application's main threw {@code t}: HotSpot's report, then exit status 1. */
    public static void mainThrew(Throwable t) {
        uncaught(Thread.currentThread(), t);
    }

    /** HotSpot's report of an uncaught exception; for the main thread the VM then exits with status 1. */
    private static void uncaught(Thread thread, Throwable t) {
        System.out.flush();
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        t.printStackTrace();
        System.err.flush();
        if ("main".equals(thread.getName())) {
            exit(1);
        }
    }

    /**
     * System.exit and Runtime.exit (TeaVM 0.12.3's C class library has the one not and the other
     * as a no-op; the builder redirects both here): runs the shutdown hooks as HotSpot does, then
     * ends the VM with the status.
     */
    public static void exit(int status) {
        ShutdownHooks.exit(status);
    }

    /**
     * Runtime.halt: ends the VM with the status; no hooks. What was printed reaches the console:
     * System.out and System.err write through to the C runtime, whose exit flushes its buffer.
     * (No System.out.flush() here: the event loop, which runs outside every fiber, ends the image
     * through this method, and a virtual OutputStream.flush() call would make TeaVM compile the
     * loop as able to suspend whenever the program has a stream whose flush can park.)
     */
    public static void halt(int status) {
        exitVm(status);
    }

    /** Runtime.addShutdownHook (the builder adds it to java.lang.Runtime, delegating here). */
    public static void addShutdownHook(Thread hook) {
        ShutdownHooks.add(hook);
    }

    /** Runtime.removeShutdownHook. */
    /** Runtime.availableProcessors(): a Kiln VM has one vCPU (its threads are green threads on it). */
    public static int availableProcessors() {
        return 1;
    }

    public static boolean removeShutdownHook(Thread hook) {
        return ShutdownHooks.remove(hook);
    }

    @Import(name = "kiln_java_exit")
    private static native void exitVm(int status);

    public static int idiv(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? -a : a / b;
    }

    public static int irem(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? 0 : a % b;
    }

    public static long ldiv(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? -a : a / b;
    }

    public static long lrem(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? 0 : a % b;
    }

    /** Math.fma: musl's fma, which computes a * b + c exactly and rounds once, as Java specifies. */
    @Import(name = "fma")
    public static native double fma(double a, double b, double c);

    @Import(name = "fmaf")
    public static native float fmaf(float a, float b, float c);

    /** Math.rint: musl's rint (round half to even in the default rounding mode); TeaVM 0.12.3 rounds half up. */
    @Import(name = "rint")
    public static native double rint(double a);

    /**
     * Math.round(double): nearest, ties toward positive infinity (TeaVM 0.12.3 rounds ties away from zero).
     * The cast saturates (NaN 0, beyond the range MIN_VALUE or MAX_VALUE) through KilnCasts: the builder's
     * CastSaturation leaves dev.kiln.rt alone, and C's cast gave Math.round(1e300) Long.MIN_VALUE.
     */
    public static long roundDouble(double a) {
        double f = Math.floor(a);
        long r = KilnCasts.d2l(f);
        if (a - f >= 0.5 && r != Long.MAX_VALUE) {
            r++;
        }
        return r;
    }

    /** Math.round(float), likewise. */
    public static int roundFloat(float a) {
        double f = Math.floor(a);
        int r = KilnCasts.d2i(f);
        if (a - f >= 0.5 && r != Integer.MAX_VALUE) {
            r++;
        }
        return r;
    }

    /** Math.ulp(double): the gap to the next larger magnitude (TeaVM 0.12.3 masks the wrong bits). */
    public static double ulpDouble(double d) {
        if (Double.isNaN(d)) {
            return d;
        }
        double a = Math.abs(d);
        if (Double.isInfinite(a)) {
            return Double.POSITIVE_INFINITY;
        }
        return a == Double.MAX_VALUE ? 0x1.0p971 : Math.nextUp(a) - a;
    }

    /** new T[size] (TeaVM 0.12.3 allocates an array of negative length instead of throwing). */
    public static int arraySize(int size) {
        if (size < 0) {
            throw new NegativeArraySizeException(Integer.toString(size));
        }
        return size;
    }
}
