package dev.kiln.vmm.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls the host side of the net device needs, through FFM (no JNI). Every call
 * captures errno, and failures become IOExceptions that name the call and the errno text.
 */
final class Libc {
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final short POLLIN = 1;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN = handle("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle READ = handle("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPT);
    private static final MethodHandle WRITE = handle("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPT);
    private static final MethodHandle IOCTL = handle("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle POLL = handle("poll",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle SETNS = handle("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle EVENTFD = handle("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
            ERRNO_OPT);
    private static final MethodHandle UNSHARE = handle("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle GETPID = handle("getpid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEUID = handle("geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {}

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment sym = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(sym, fd, options);
    }

    /** A per-thread errno capture area. */
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE));

    static int errno() {
        return (int) ERRNO.get(STATE.get(), 0L);
    }

    static String strerror(int errno) {
        try {
            MemorySegment p = (MemorySegment) STRERROR.invokeExact(errno);
            return p.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    static java.io.IOException error(String call) {
        int e = errno();
        return new java.io.IOException(call + " failed: " + strerror(e) + " (errno " + e + ")");
    }

    static int open(String path, int flags) throws java.io.IOException {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(STATE.get(), a.allocateFrom(path), flags, 0);
            if (fd < 0) {
                throw error("open(" + path + ")");
            }
            return fd;
        } catch (java.io.IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(STATE.get(), fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** read(2): bytes read, or -errno. */
    static long read(int fd, MemorySegment buf, long len) {
        try {
            long n = (long) READ.invokeExact(STATE.get(), fd, buf, len);
            return n < 0 ? -errno() : n;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** write(2): bytes written, or -errno. */
    static long write(int fd, MemorySegment buf, long len) {
        try {
            long n = (long) WRITE.invokeExact(STATE.get(), fd, buf, len);
            return n < 0 ? -errno() : n;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int ioctl(int fd, long request, MemorySegment arg) {
        try {
            return (int) IOCTL.invokeExact(STATE.get(), fd, request, arg);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** poll(2) on the pollfd array: the count ready, 0 on timeout, or -errno. */
    static int poll(MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            int n = (int) POLL.invokeExact(STATE.get(), fds, nfds, timeoutMillis);
            return n < 0 ? -errno() : n;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int setns(int fd, int nstype) {
        try {
            return (int) SETNS.invokeExact(STATE.get(), fd, nstype);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** eventfd(2): the descriptor, or -errno. */
    static int eventfd(int initval, int flags) {
        try {
            int fd = (int) EVENTFD.invokeExact(STATE.get(), initval, flags);
            return fd < 0 ? -errno() : fd;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int unshare(int flags) {
        try {
            return (int) UNSHARE.invokeExact(STATE.get(), flags);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
