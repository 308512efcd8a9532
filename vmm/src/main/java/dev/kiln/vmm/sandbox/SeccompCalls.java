package dev.kiln.vmm.sandbox;

import dev.kiln.vmm.VmmException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The two calls that put a filter on the calling thread, as FFM downcalls into libc:
 * prctl(PR_SET_NO_NEW_PRIVS) and seccomp(SECCOMP_SET_MODE_FILTER) (through syscall(2):
 * glibc has no seccomp wrapper). Kept apart and small so that it moves as it is into the
 * monitor's shared FFM layer for libc.
 *
 * <p>No SECCOMP_FILTER_FLAG_TSYNC: the filter applies to the calling thread (and threads it
 * creates later) only; the JVM's own threads and the other monitor threads keep theirs.
 */
final class SeccompCalls {
    static final int PR_SET_NO_NEW_PRIVS = 38;
    static final long SYS_SECCOMP = Syscall.SECCOMP.nr;
    static final int SECCOMP_SET_MODE_FILTER = 1;
    /** struct sock_fprog: unsigned short len; (6 bytes padding) struct sock_filter *filter. */
    static final int FPROG_SIZE = 16, FPROG_FILTER = 8;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
    /** int prctl(int option, ...): four unsigned long arguments follow. */
    private static final MethodHandle PRCTL = downcall("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            ERRNO_OPTION, Linker.Option.firstVariadicArg(1));
    /** long syscall(long number, ...): seccomp(unsigned int op, unsigned int flags, void *args). */
    private static final MethodHandle SYSCALL = downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS),
            ERRNO_OPTION, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle STRERROR = downcall("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private SeccompCalls() {}

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new VmmException("libc has no " + name + "(): Kiln needs glibc on Linux x86-64"));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    /** Installs program (struct sock_filter values, see {@link BpfAssembler#assemble}) on the calling thread. */
    static void install(long[] program) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            int r = (int) PRCTL.invokeExact(errno, PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L);
            if (r != 0) throw failure("prctl(PR_SET_NO_NEW_PRIVS)", errno);
            MemorySegment filter = arena.allocate(JAVA_LONG, program.length);
            MemorySegment.copy(program, 0, filter, JAVA_LONG, 0, program.length);
            MemorySegment fprog = arena.allocate(FPROG_SIZE, 8);
            fprog.set(JAVA_SHORT, 0, (short) program.length);
            fprog.set(ADDRESS, FPROG_FILTER, filter);
            long s = (long) SYSCALL.invokeExact(errno, SYS_SECCOMP, (long) SECCOMP_SET_MODE_FILTER, 0L, fprog);
            if (s != 0) throw failure("seccomp(SECCOMP_SET_MODE_FILTER)", errno);
        } catch (VmmException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static VmmException failure(String call, MemorySegment errnoSlot) throws Throwable {
        int e = (int) ERRNO.get(errnoSlot, 0L);
        String text = ((MemorySegment) STRERROR.invokeExact(e)).reinterpret(256).getString(0);
        String hint = e == 22 ? " (a kernel without seccomp filters, or a program it refuses)" : "";
        return new VmmException("cannot confine the thread: " + call + " failed: " + text + " (errno " + e + ")" + hint);
    }
}
