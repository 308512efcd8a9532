package dev.kiln.vmm.device.net;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.memory.GuestRange;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * passt's socket as a net device's backend (user-mode networking, no root): a connected unix
 * stream socket carrying each Ethernet frame behind its length, a 32-bit big-endian integer
 * (the protocol of QEMU's "-netdev stream", which passt speaks).
 *
 * <p>Receiving: what the socket has is read into a buffer of ours; a frame is handed to the
 * guest once it is whole (until then {@link #receive} answers 0), so a frame split across
 * reads is never seen half. Sending: a frame is dropped (false, like a full queue) when the
 * socket cannot take its first byte; once its length is written the rest must follow, so the
 * I/O thread waits in poll(2) until passt reads (passt never blocks on us, so this ends; if
 * passt died, the write fails and ends the VM). Only read, write and poll on the socket: what
 * the net I/O thread's seccomp filter allows on its backend's descriptor.
 */
public final class PasstBackend implements NetBackend {
    /** The largest frame the protocol carries here (passt's own limit is 65535 + header room). */
    static final int MAX_FRAME = 65535;
    private static final int HEADER = 4;

    private final int fd;
    private final String name;
    // Freed by the GC once unreachable, never closed: closing a shared arena is a handshake with every thread of the
    // process, and with a thousand VMs (three thousand threads) each VM's teardown waited on several of them.
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment rx = arena.allocate(HEADER + MAX_FRAME + HEADER + MAX_FRAME);
    private final MemorySegment tx = arena.allocate(HEADER + MAX_FRAME);
    private final MemorySegment pollfd = arena.allocate(8);
    private final byte[] staging = new byte[MAX_FRAME];
    private int filled;
    private boolean closed;

    /** @param fd a connected, non-blocking unix stream socket to passt; closed by {@link #close} */
    public PasstBackend(int fd, String name) {
        this.fd = fd;
        this.name = name;
        pollfd.set(ValueLayout.JAVA_INT, 0, fd);
    }

    @Override
    public boolean send(GuestRange frame) throws IOException {
        int len = (int) frame.length();
        if (len > MAX_FRAME) return false;
        // Length and frame in one write(2): passt (Debian 12's, at least) drops a length that arrives
        // alone in a read, and the stream then goes out of step. So the frame is copied behind it first.
        tx.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN), 0, len);
        frame.copyTo(0, staging, 0, len);
        MemorySegment.copy(staging, 0, tx, ValueLayout.JAVA_BYTE, HEADER, len);
        long total = HEADER + len;
        long n = Libc.write(fd, tx, total);
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) return false; // nothing of this frame went out: drop it
        for (long off = check(n, "write"); off < total; ) {
            long w = Libc.write(fd, tx.asSlice(off), total - off);
            if (w == -Errno.EAGAIN || w == -Errno.EINTR) {
                awaitWritable(); // once begun, a frame must be finished, or the stream loses its step
                continue;
            }
            off += check(w, "write");
        }
        return true;
    }

    private void awaitWritable() throws IOException {
        pollfd.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLOUT);
        int r = Libc.poll(pollfd, 1, -1);
        if (r < 0 && r != -Errno.EINTR) throw new IOException("poll on " + name + ": " + Errno.describe(-r));
    }

    @Override
    public int receive(GuestRange buffer) throws IOException {
        int got = deliver(buffer);
        if (got > 0) return got;
        long n = Libc.read(fd, rx.asSlice(filled), rx.byteSize() - filled);
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) return 0;
        check(n, "read");
        if (n == 0) throw new IOException(name + " closed the connection (passt ended)");
        filled += (int) n;
        return deliver(buffer);
    }

    /** Hands the first buffered frame to the guest if it is whole (truncated to the buffer); its length, else 0. */
    private int deliver(GuestRange buffer) throws IOException {
        if (filled < HEADER) return 0;
        int len = rx.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN), 0);
        if (len < 0 || len > MAX_FRAME) throw new IOException(name + " sent a frame length of " + Integer.toUnsignedString(len));
        if (filled < HEADER + len) return 0;
        int copy = (int) Math.min(len, buffer.length());
        MemorySegment.copy(rx, ValueLayout.JAVA_BYTE, HEADER, staging, 0, copy);
        buffer.copyFrom(staging, 0, 0, copy);
        int rest = filled - HEADER - len;
        MemorySegment.copy(rx, HEADER + len, rx, 0, rest);
        filled = rest;
        return copy;
    }

    private long check(long n, String what) throws IOException {
        if (n < 0) throw new IOException(what + " on " + name + ": " + Errno.describe((int) -n));
        return n;
    }

    @Override
    public int pollFd() {
        return fd;
    }

    @Override
    public String name() {
        return name;
    }

    /** Closes the socket (passt, started with --one-off, then ends); after the VM ended. */
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Libc.close(fd);
    }
}
