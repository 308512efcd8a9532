package dev.kiln.vmm.device.net;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A Linux eventfd, the doorbell of a device's I/O thread: any thread {@link #signal}s it, and
 * the I/O thread waits for it together with its backend's descriptor in one poll(2)
 * ({@link #await}), so a notification from the guest, a stop request and a frame from the
 * host all wake the same thread without spinning.
 */
final class EventFd implements AutoCloseable {
    /** {@link #await} results. */
    static final int SIGNALLED = 1, OTHER_READABLE = 2;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment one = arena.allocate(8);       // signal(): any thread
    private final MemorySegment counter = arena.allocate(8);   // await(): the I/O thread only
    private final MemorySegment pollfds = arena.allocate(16);  // two struct pollfd: the I/O thread only
    private volatile boolean closed;

    EventFd() throws IOException {
        fd = Errno.check(Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC), "eventfd");
        one.set(ValueLayout.JAVA_LONG, 0, 1);
    }

    /** The descriptor (seccomp filters allow reads and writes on it by number). */
    public int fd() {
        return fd;
    }

    /** Wakes the waiter (now, or its next {@link #await} returns at once). Safe from any thread. */
    void signal() {
        if (!closed) Libc.write(fd, one, 8); // EAGAIN only when the counter is near 2^64: already signalled
    }

    /**
     * Waits until signalled, until {@code other} (if not -1) is readable, or for timeoutMillis
     * (-1: no limit). Clears the signal. Returns a mask of {@link #SIGNALLED} and
     * {@link #OTHER_READABLE}. One thread at a time.
     */
    int await(int other, int timeoutMillis) throws IOException {
        pollfds.set(ValueLayout.JAVA_INT, 0, fd);
        pollfds.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
        pollfds.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        int n = poll(other, timeoutMillis);
        int result = 0;
        if (n > 0 && (pollfds.get(ValueLayout.JAVA_SHORT, 6) & Libc.POLLIN) != 0) {
            Libc.read(fd, counter, 8); // resets the counter; EAGAIN if another read won: fine
            result |= SIGNALLED;
        }
        if (n > 0 && other >= 0 && pollfds.get(ValueLayout.JAVA_SHORT, 14) != 0) result |= OTHER_READABLE;
        return result;
    }

    /** True if {@code other} is readable right now (the doorbell is not looked at). */
    boolean readableNow(int other) throws IOException {
        pollfds.set(ValueLayout.JAVA_INT, 0, -1); // poll(2) ignores negative descriptors
        return poll(other, 0) > 0;
    }

    private int poll(int other, int timeoutMillis) throws IOException {
        if (other >= 0) {
            pollfds.set(ValueLayout.JAVA_INT, 8, other);
            pollfds.set(ValueLayout.JAVA_SHORT, 12, Libc.POLLIN);
            pollfds.set(ValueLayout.JAVA_SHORT, 14, (short) 0);
        }
        int n = Libc.poll(pollfds, other >= 0 ? 2 : 1, timeoutMillis);
        if (n == -Errno.EINTR) return 0;
        return Errno.check(n, "poll");
    }

    /** Closes the descriptor; call after the waiting thread ended and no one signals any more. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
            arena.close();
        }
    }
}
