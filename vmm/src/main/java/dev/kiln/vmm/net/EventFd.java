package dev.kiln.vmm.net;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A Linux eventfd, the doorbell of a device's I/O thread: any thread {@link #signal}s it, and
 * the I/O thread waits for it together with a tap in one poll(2) ({@link #await}), so a
 * notification from the guest, a stop request and a frame from the host all wake the same
 * thread without spinning.
 */
public final class EventFd implements AutoCloseable {
    /** {@link #await} results. */
    public static final int SIGNALLED = 1, TAP_READABLE = 2;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment one = arena.allocate(8);       // signal(): any thread
    private final MemorySegment counter = arena.allocate(8);   // await(): the I/O thread only
    private final MemorySegment pollfds = arena.allocate(16);  // two struct pollfd
    private volatile boolean closed;

    public EventFd() throws IOException {
        int r = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        if (r < 0) throw new IOException("eventfd failed: " + Libc.strerror(-r));
        fd = r;
        one.set(ValueLayout.JAVA_LONG, 0, 1);
    }

    /** The descriptor (seccomp filters allow reads and writes on it by number). */
    public int fd() {
        return fd;
    }

    /** Wakes the waiter (now, or its next {@link #await} returns at once). Safe from any thread. */
    public void signal() {
        if (!closed) Libc.write(fd, one, 8); // EAGAIN only when the counter is near 2^64: already signalled
    }

    /**
     * Waits until signalled, until tap (if not null) has a frame to read, or for timeoutMillis
     * (-1: no limit). Clears the signal. Returns a mask of {@link #SIGNALLED} and {@link #TAP_READABLE}.
     * One thread at a time.
     */
    public int await(TapDevice tap, int timeoutMillis) throws IOException {
        pollfds.set(ValueLayout.JAVA_INT, 0, fd);
        pollfds.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
        pollfds.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        if (tap != null) {
            pollfds.set(ValueLayout.JAVA_INT, 8, tap.fd());
            pollfds.set(ValueLayout.JAVA_SHORT, 12, Libc.POLLIN);
            pollfds.set(ValueLayout.JAVA_SHORT, 14, (short) 0);
        }
        int n = Libc.poll(pollfds, tap != null ? 2 : 1, timeoutMillis);
        if (n < 0) {
            if (n == -Libc.EINTR) return 0;
            throw new IOException("poll: " + Libc.strerror(-n));
        }
        int result = 0;
        if ((pollfds.get(ValueLayout.JAVA_SHORT, 6) & Libc.POLLIN) != 0) {
            Libc.read(fd, counter, 8); // resets the counter; EAGAIN if another read won: fine
            result |= SIGNALLED;
        }
        if (tap != null && pollfds.get(ValueLayout.JAVA_SHORT, 14) != 0) result |= TAP_READABLE;
        return result;
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
