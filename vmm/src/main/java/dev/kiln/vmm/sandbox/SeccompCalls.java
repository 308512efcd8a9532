package dev.kiln.vmm.sandbox;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.VmmException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The two calls that put a filter on the calling thread: prctl(PR_SET_NO_NEW_PRIVS) and
 * seccomp(SECCOMP_SET_MODE_FILTER) (through syscall(2): glibc has no seccomp wrapper).
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

    private SeccompCalls() {}

    /** Installs program (struct sock_filter values, see {@link BpfAssembler#assemble}) on the calling thread. */
    static void install(long[] program) {
        try (Arena arena = Arena.ofConfined()) {
            int r = Libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
            if (r != 0) throw failure("prctl(PR_SET_NO_NEW_PRIVS)", r);
            MemorySegment filter = arena.allocate(JAVA_LONG, program.length);
            MemorySegment.copy(program, 0, filter, JAVA_LONG, 0, program.length);
            MemorySegment fprog = arena.allocate(FPROG_SIZE, 8);
            fprog.set(JAVA_SHORT, 0, (short) program.length);
            fprog.set(ADDRESS, FPROG_FILTER, filter);
            long s = Libc.syscall(SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0, fprog.address());
            if (s != 0) throw failure("seccomp(SECCOMP_SET_MODE_FILTER)", s);
        }
    }

    private static VmmException failure(String call, long result) {
        int e = (int) -result;
        String hint = e == Errno.EINVAL ? " (a kernel without seccomp filters, or a program it refuses)" : "";
        return new VmmException("cannot confine the thread: " + call + " failed: " + Errno.describe(e) + hint);
    }
}
