package dev.kiln.rt;

import org.teavm.interop.Import;
import org.teavm.interop.Unmanaged;
import org.teavm.interop.c.Include;
import org.teavm.runtime.Fiber;

/**
 * StackOverflowError in native images, with HotSpot's stack sizes (guest/include/kiln/stackguard.h).
 *
 * <p>A deep recursion must end in a StackOverflowError the program can catch, never in a fault
 * in the guard page below the stack (a crash that takes a whole server down). The builder's
 * {@code StackGuardRewrite} starts every Java method that calls others with {@link #check}: one
 * compare of the stack pointer with the running thread's limit, inlined, and a call of
 * {@link #overflow} below it. Checks in the generated code were chosen over a handler for the
 * guard page's fault: a fault can hit anywhere (in the allocator, the GC, the middle of a
 * monitor's bookkeeping), where unwinding to the nearest catch would leave the runtime broken,
 * while a check at a method's entry throws where Java's own semantics say it may.
 *
 * <p>TeaVM runs every green thread on the one native stack (a thread that blocks unwinds its
 * frames into its fiber and rebuilds them when it resumes), so a thread's stack is the part of
 * that stack below the point where its fiber entered ({@link #enterFiber}, from TeaVM's
 * {@code Fiber.start}, which also resumes): 8 MiB for main, 1 MiB for other threads, or the stackSize
 * given to {@code new Thread(group, runnable, name, stackSize)}, as on HotSpot. No limit goes below the floor: {@code KILN_STACK_NATIVE_RESERVE} above the guard page
 * for the code without checks, plus {@link #THROW_RESERVE} for constructing the error itself.
 */
public final class KilnStackGuard {
    /**
     * Main 8 MiB (the primordial thread's stack on Linux: a program HotSpot finishes in an 8 MiB
     * main finishes here), other threads HotSpot's default -Xss, 1 MiB. With 8 MiB, main's limit
     * is within about 256 KiB of the stack's bottom; that once crashed or hung because a
     * StackOverflowError's trace took a StackTraceElement per frame (a million of them, some 40 MB
     * of a 64 MiB VM's heap): the walk now stops at the frames a trace keeps (KilnStackTraces).
     */
    static final long MAIN_STACK = 8L << 20;
    static final long THREAD_STACK = 1L << 20;
    /** Stack for constructing the StackOverflowError below a thread's limit (its constructors, the trace). */
    static final long THROW_RESERVE = 64L << 10;
    /** stackguard.h KILN_STACK_NATIVE_RESERVE. */
    static final long NATIVE_RESERVE = 64L << 10;

    /** The lowest stack pointer Java code ever calls at (while constructing the error); 0 before main. */
    private static long floor;
    /** The stack pointer at which the running fiber entered the stack. */
    private static long base;
    private static Thread mainThread;
    /** An error is being constructed, with the limit lowered to the floor for it. */
    private static boolean throwing;

    private KilnStackGuard() {
    }

    @Import(name = "kiln_java_stack_exhausted")
    @Include(value = "kiln/stackguard.h", isSystem = true)
    private static native boolean exhausted();

    @Import(name = "kiln_stack_pointer")
    @Include(value = "kiln/stackguard.h", isSystem = true)
    private static native long stackPointer();

    @Import(name = "kiln_java_stack_get_limit")
    @Include(value = "kiln/stackguard.h", isSystem = true)
    private static native long limit();

    @Import(name = "kiln_java_stack_set_limit")
    @Include(value = "kiln/stackguard.h", isSystem = true)
    private static native void setLimit(long limit);

    @Import(name = "kiln_stack_bottom")
    @Include(value = "kiln/stackguard.h", isSystem = true)
    private static native long stackBottom();

    @Import(name = "kiln_java_stack_abort")
    @Include(value = "kiln/stackguard.h", isSystem = true)
    private static native void abort();

    /** The entry of every Java method that calls others (the builder inserts the call). */
    public static void check() {
        if (exhausted()) {
            overflow();
        }
    }

    /**
     * The call {@link #check} makes, kept out of line: TeaVM inlines {@link #check} into every
     * method, and never inlines an unmanaged method, so each method carries a compare and a call,
     * not the construction of an error.
     */
    @Unmanaged
    private static void overflow() {
        throwOverflow();
    }

    /**
     * Throws the StackOverflowError, constructed with the limit lowered to the floor (its
     * constructors are Java methods with checks too). Below the floor, even that failed: the
     * image ends with a message instead of faulting in the guard page.
     */
    private static void throwOverflow() {
        if (throwing) {
            abort();
        }
        long saved = limit();
        throwing = true;
        setLimit(floor);
        StackOverflowError error;
        try {
            error = new StackOverflowError();
        } finally {
            // an OutOfMemoryError out of the construction must not leave the limit at the floor
            setLimit(saved);
            throwing = false;
        }
        throw error;
    }

    /**
     * TeaVM's Fiber.start (a thread starts or resumes here): the running thread's limit becomes
     * its stack size below this point. Returns the limit to give back when the fiber leaves.
     */
    public static long enterFiber(Fiber fiber) {
        long saved = limit();
        if (floor == 0) {
            floor = stackBottom() + NATIVE_RESERVE;
            mainThread = Thread.currentThread(); // the first fiber is main's (Fiber.startMain)
            base = stackPointer();
            setLimit(limitBelow(base, MAIN_STACK));
            return saved;
        }
        base = stackPointer();
        // a thread resuming was made current by its callback; a new one is current only once its
        // runThread starts, which calls threadStarts
        long size = fiber.isResuming() ? sizeOf(Thread.currentThread()) : THREAD_STACK;
        setLimit(limitBelow(base, size));
        return saved;
    }

    /** The end of Fiber.start: the thread that started this fiber gets its limit back. */
    public static void leaveFiber(long saved) {
        setLimit(saved);
    }

    /** The start of TeaVM's Thread.runThread: a thread with its own stack size gets it. */
    public static void threadStarts(Thread thread) {
        if (floor != 0) {
            setLimit(limitBelow(base, sizeOf(thread)));
        }
    }

    private static long sizeOf(Thread thread) {
        if (thread == mainThread) {
            return MAIN_STACK;
        }
        long requested = stackSize(thread);
        return requested > 0 ? requested : THREAD_STACK;
    }

    private static long limitBelow(long from, long size) {
        long limit = from - size;
        return Math.max(limit, floor + THROW_RESERVE);
    }

    /** The stackSize given to Thread's constructor, 0 if none (the builder adds the field and this body). */
    private static native long stackSize(Thread thread);
}
