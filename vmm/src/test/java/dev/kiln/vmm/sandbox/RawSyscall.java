package dev.kiln.vmm.sandbox;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Any system call with raw register values, through libc's syscall(3): what a compromised
 * thread would do, and how the tests probe what a filter lets through. Everything is bound
 * when the class is initialized, so a confined thread only makes the call itself.
 */
public final class RawSyscall {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));
    private static final ThreadLocal<MemorySegment> SLOT = ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE));

    private RawSyscall() {}

    /** Makes the call: its result, or -errno if it failed. */
    public static long call(long nr, long... args) {
        long[] a = java.util.Arrays.copyOf(args, 6);
        MemorySegment slot = SLOT.get();
        try {
            long r = (long) SYSCALL.invokeExact(slot, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
            return r == -1 ? -(int) ERRNO.get(slot, 0L) : r;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static long call(Syscall s, long... args) {
        return call(s.nr, args);
    }

    /** Binds the calling thread's errno slot now, so that the confined part of a test makes only the calls it probes. */
    public static void prepare() {
        SLOT.get();
    }
}
