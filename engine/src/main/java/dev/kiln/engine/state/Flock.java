package dev.kiln.engine.state;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * flock(2) through FFM. Not FileChannel.tryLock: that is an fcntl lock, which the kernel drops
 * when the process closes any descriptor of the file, so merely opening and closing the lock
 * file elsewhere in the daemon would release it. A flock belongs to its own open file
 * description and lives until that descriptor is closed or the process dies.
 */
final class Flock {
    private static final int O_RDWR = 2, O_CREAT = 0x40, O_CLOEXEC = 0x80000;
    private static final int LOCK_EX = 2, LOCK_NB = 4;
    static final int EWOULDBLOCK = 11;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");
    private static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle FLOCK = handle("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Flock() {}

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment sym = LINKER.defaultLookup().find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(sym, fd, options);
    }

    /** A failed call and its errno. */
    static final class Failure extends IOException {
        final int errno;

        Failure(String call, int errno) {
            super(call + ": " + describe(errno));
            this.errno = errno;
        }
    }

    /** open(path, O_RDWR|O_CREAT|O_CLOEXEC, 0600). */
    static int open(Path path) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(state, a.allocateFrom(path.toString()), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
            if (fd < 0) throw new Failure("open " + path, (int) ERRNO.get(state, 0L));
            return fd;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** flock(fd, LOCK_EX | LOCK_NB): false if another holds it. */
    static boolean tryLock(int fd) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            int r = (int) FLOCK.invokeExact(state, fd, LOCK_EX | LOCK_NB);
            if (r == 0) return true;
            int errno = (int) ERRNO.get(state, 0L);
            if (errno == EWOULDBLOCK) return false;
            throw new Failure("flock", errno);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String describe(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
