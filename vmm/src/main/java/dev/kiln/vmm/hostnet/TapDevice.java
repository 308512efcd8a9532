package dev.kiln.vmm.hostnet;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A Linux tap device (IFF_TAP | IFF_NO_PI): whole Ethernet frames in and out through a file
 * descriptor, opened with TUNSETIFF on /dev/net/tun, optionally inside a network namespace.
 * A VM's net device moves frames between such a tap and the guest's rings (through
 * {@code dev.kiln.vmm.device.net.TapBackend}, on {@link #fd}); the libos tests drive the Java
 * network stack with it directly ({@link #read}, {@link #write}).
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
    // Freed by the GC once unreachable, never closed: closing a shared arena is a handshake with every thread of the
    // process, and with a thousand VMs (three thousand threads) each VM's teardown waited on several of them.
    private final Arena arena = Arena.ofAuto();
    /**
     * The buffers of {@link #read} and {@link #write}, made at their first use: a VM's net
     * device moves frames through {@link #fd} with buffers of its own, and 128 KiB of zeroed
     * buffers per tap that it never uses were 8% of an idle VM's cost to the daemon.
     */
    private MemorySegment rx, tx;
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
        int fd = Errno.check(Libc.open("/dev/net/tun", Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC),
                "open(/dev/net/tun)");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ifr = a.allocate(40); // struct ifreq
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, ifr, ValueLayout.JAVA_BYTE, 0, n.length);
            ifr.set(ValueLayout.JAVA_SHORT, IFNAMSIZ, (short) (IFF_TAP | IFF_NO_PI));
            Errno.check(Libc.ioctl(fd, TUNSETIFF, ifr), "ioctl(TUNSETIFF, " + name + ")");
        } catch (IOException e) {
            Libc.close(fd);
            throw e;
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

    /** The tap's non-blocking descriptor (read, write and poll it from one thread at a time). */
    public int fd() {
        return fd;
    }

    /** Waits up to timeoutMillis for a frame to read; true if one is there. */
    public boolean awaitReadable(int timeoutMillis) throws IOException {
        int n = Libc.poll(pollfd, 1, timeoutMillis);
        if (n == -Errno.EINTR) return false;
        return Errno.check(n, "poll on " + name) > 0;
    }

    /** Reads one frame into buf: its length, or 0 if none is waiting. */
    public int read(byte[] buf) throws IOException {
        if (rx == null) rx = arena.allocate(MAX_FRAME);
        long n = Libc.read(fd, rx, MAX_FRAME);
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) return 0;
        Errno.check(n, "read from " + name);
        int len = (int) Math.min(n, buf.length);
        MemorySegment.copy(rx, ValueLayout.JAVA_BYTE, 0, buf, 0, len);
        return len;
    }

    /** Writes one frame; false if the kernel queue is full (the frame is dropped, like a wire). */
    public boolean write(byte[] frame, int off, int len) throws IOException {
        if (len > MAX_FRAME) throw new IllegalArgumentException("frame too large: " + len);
        if (tx == null) tx = arena.allocate(MAX_FRAME);
        MemorySegment.copy(frame, off, tx, ValueLayout.JAVA_BYTE, 0, len);
        long n = Libc.write(fd, tx, len);
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) return false;
        Errno.check(n, "write to " + name);
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
