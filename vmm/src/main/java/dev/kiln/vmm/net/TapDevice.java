package dev.kiln.vmm.net;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A Linux tap device (IFF_TAP | IFF_NO_PI): whole Ethernet frames in and out through a file
 * descriptor, opened with TUNSETIFF on /dev/net/tun, optionally inside a network namespace.
 * The host side of Kiln's net device moves frames between such a tap and the guest's ring;
 * the libos tests drive the Java network stack with it directly.
 *
 * <p>Reads and writes are non-blocking; {@link #awaitReadable} waits with poll(2). The native
 * buffers are allocated once. Not thread-safe: one thread reads and writes.
 */
public final class TapDevice implements AutoCloseable {
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFNAMSIZ = 16;
    /** Largest frame we read: an MTU-1500 frame is 1514 bytes; leave room for jumbo mistakes. */
    public static final int MAX_FRAME = 65536;

    private final String name;
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment rx = arena.allocate(MAX_FRAME);
    private final MemorySegment tx = arena.allocate(MAX_FRAME);
    private final MemorySegment pollfd = arena.allocate(8);
    private boolean closed;

    private TapDevice(String name, int fd) {
        this.name = name;
        this.fd = fd;
        pollfd.set(ValueLayout.JAVA_INT, 0, fd);
        pollfd.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
    }

    /** Creates a tap in the current network namespace. */
    public static TapDevice open(String name) throws IOException {
        if (name.isEmpty() || name.length() >= IFNAMSIZ) {
            throw new IllegalArgumentException("tap name must have 1 to 15 characters: " + name);
        }
        int fd = Libc.open("/dev/net/tun", Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ifr = a.allocate(40); // struct ifreq
            byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, ifr, ValueLayout.JAVA_BYTE, 0, n.length);
            ifr.set(ValueLayout.JAVA_SHORT, IFNAMSIZ, (short) (IFF_TAP | IFF_NO_PI));
            if (Libc.ioctl(fd, TUNSETIFF, ifr) != 0) {
                IOException e = Libc.error("ioctl(TUNSETIFF, " + name + ")");
                Libc.close(fd);
                throw e;
            }
        }
        return new TapDevice(name, fd);
    }

    /** Creates a tap inside a network namespace (the calling thread stays where it is). */
    public static TapDevice open(NetworkNamespace ns, String name) throws IOException {
        return ns.callInside(() -> open(name));
    }

    public String name() {
        return name;
    }

    /** Waits up to timeoutMillis for a frame to read; true if one is there. */
    public boolean awaitReadable(int timeoutMillis) throws IOException {
        int n = Libc.poll(pollfd, 1, timeoutMillis);
        if (n < 0 && n != -Libc.EINTR) {
            throw new IOException("poll on " + name + ": " + Libc.strerror(-n));
        }
        return n > 0;
    }

    /** Reads one frame into buf: its length, or 0 if none is waiting. */
    public int read(byte[] buf) throws IOException {
        long n = Libc.read(fd, rx, MAX_FRAME);
        if (n < 0) {
            if (n == -Libc.EAGAIN || n == -Libc.EINTR) {
                return 0;
            }
            throw new IOException("read from " + name + ": " + Libc.strerror((int) -n));
        }
        int len = (int) Math.min(n, buf.length);
        MemorySegment.copy(rx, ValueLayout.JAVA_BYTE, 0, buf, 0, len);
        return len;
    }

    /**
     * Reads one frame straight into dst (guest memory, say): its length, 0 if none is waiting.
     * A frame longer than dst is truncated by the kernel; the caller gives room for the MTU.
     */
    public long read(MemorySegment dst) throws IOException {
        long n = Libc.read(fd, dst, dst.byteSize());
        if (n < 0) {
            if (n == -Libc.EAGAIN || n == -Libc.EINTR) {
                return 0;
            }
            throw new IOException("read from " + name + ": " + Libc.strerror((int) -n));
        }
        return n;
    }

    /** Writes the frame in src (guest memory, say) without copying it; false if the kernel dropped it. */
    public boolean write(MemorySegment src) throws IOException {
        long n = Libc.write(fd, src, src.byteSize());
        if (n < 0) {
            if (n == -Libc.EAGAIN || n == -Libc.EINTR || n == -Libc.EIO) {
                return false; // EIO: the tap is down (no carrier); a wire would lose the frame too
            }
            throw new IOException("write to " + name + ": " + Libc.strerror((int) -n));
        }
        return true;
    }

    /** The descriptor (the I/O thread's seccomp filter allows reads and writes on it only). */
    public int fd() {
        return fd;
    }

    /** Writes one frame; false if the kernel queue is full (the frame is dropped, like a wire). */
    public boolean write(byte[] frame, int off, int len) throws IOException {
        if (len > MAX_FRAME) {
            throw new IllegalArgumentException("frame too large: " + len);
        }
        MemorySegment.copy(frame, off, tx, ValueLayout.JAVA_BYTE, 0, len);
        long n = Libc.write(fd, tx, len);
        if (n < 0) {
            if (n == -Libc.EAGAIN || n == -Libc.EINTR) {
                return false;
            }
            throw new IOException("write to " + name + ": " + Libc.strerror((int) -n));
        }
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
            arena.close();
        }
    }
}
