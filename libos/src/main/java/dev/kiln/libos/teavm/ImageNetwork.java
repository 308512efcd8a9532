package dev.kiln.libos.teavm;

import dev.kiln.libos.net.Clock;
import dev.kiln.libos.net.FrameSink;
import dev.kiln.libos.net.NetConfig;
import dev.kiln.libos.net.NetStack;
import dev.kiln.libos.socket.Network;
import dev.kiln.vmm.abi.Abi;
import org.teavm.interop.Address;
import org.teavm.runtime.GC;

/**
 * The network of a native image: libos's stack on the VM's net device (guest/include/kiln/net.h),
 * started by the first socket. Its {@link #pump} runs in the event loop ({@link EventLoop}): it
 * drains the receive ring into the stack, runs the stack's timers, resumes the green threads
 * whose sockets became ready, and makes sure the host sees what was sent.
 */
public final class ImageNetwork implements EventLoop.IoPoller, FrameSink, Clock {
    /** Frames taken per pump before the loop runs other green threads again. */
    private static final int RX_BATCH = 256;
    /**
     * How long the program's end waits for data and FINs the peers have not acknowledged yet
     * (on Linux the kernel keeps delivering after the process exits; here the stack is the image).
     */
    private static final long LINGER_NANOS = 2_000_000_000L;
    /** Attempts to queue a frame while the transmit ring is full (the host drains it meanwhile). */
    private static final int TX_ATTEMPTS = 16;

    private final byte[] rx;
    private final FiberBlocker blocker = new FiberBlocker();
    private NetStack stack;
    private boolean sent;
    private long txDropped;

    private ImageNetwork(int mtu) {
        rx = new byte[mtu + 14];
    }

    /** Starts the stack on the VM's net device; null if the VM has none. */
    public static Network start() {
        // struct kiln_net_info (abi.h), read at Abi's offsets: javac inlines the constants.
        long[] buf = new long[(Abi.NET_INFO_SIZE + 7) / 8]; // 8-byte aligned, as the struct
        Address info = Address.ofData(buf);
        if (NetDevice.init(info) != 0) {
            return null;
        }
        NetConfig c = new NetConfig();
        c.mac = info.add(Abi.NET_INFO_MAC).getLong() & 0xffffffffffffL;
        // The device's MTU as it is: the monitor and the driver keep it within
        // KILN_NET_MTU_MIN..KILN_NET_MTU_MAX, and the stack sizes segments and frames by it.
        c.mtu = info.add(Abi.NET_INFO_MTU).getInt();
        c.ip = info.add(Abi.NET_INFO_IPV4).getInt();
        int prefix = info.add(Abi.NET_INFO_PREFIX_LEN).getInt();
        c.prefixLength = prefix >= 1 && prefix <= 32 ? prefix : 24;
        c.gateway = info.add(Abi.NET_INFO_GATEWAY).getInt();
        // Connections' rings may take three quarters of the heap (the HTTP example's 32 MiB holds
        // some 150 connections, 128 KiB each); the rest is the program's. Peers opening connection
        // after connection then get resets, not an image that runs out of memory (kiln fuzz
        // frames found that).
        c.tcpBufferBudget = GC.maxAvailableBytes() / 4 * 3;
        // ISNs and ephemeral ports need an unpredictable seed; the boot's TSC and wall clock are
        // what the image has (ABI v1 offers no entropy source).
        c.randomSeed = System.nanoTime() * 0x9e3779b97f4a7c15L ^ System.currentTimeMillis() ^ (c.mac << 16);
        ImageNetwork d = new ImageNetwork(c.mtu);
        d.stack = new NetStack(c, d, d);
        EventLoop.setPoller(d);
        return new Network(d.stack, d, d.blocker);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void send(byte[] frame, int offset, int length) {
        Address a = Address.ofData(frame).add(offset);
        for (int i = 0; i < TX_ATTEMPTS; i++) {
            if (NetDevice.send(a, length) == 0) {
                sent = true;
                return;
            }
            NetDevice.flush();
        }
        txDropped++; // TCP retransmits; UDP promised nothing
    }

    @Override
    public long pump() {
        int frames = 0;
        int n;
        Address buf = Address.ofData(rx);
        while (frames < RX_BATCH && (n = NetDevice.recv(buf, rx.length)) > 0) {
            stack.receive(rx, Math.min(n, rx.length));
            frames++;
        }
        long now = System.nanoTime();
        if (stack.nextDeadline() - now <= 0) {
            stack.poll(now);
        }
        long waiterDeadline = blocker.wake(now);
        if (sent) {
            sent = false;
            NetDevice.flush();
        }
        if (frames == RX_BATCH || blocker.resumed > 0) {
            return 0;
        }
        long next = Math.min(waiterDeadline, stack.nextDeadline());
        if (next == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long ms = (next - System.nanoTime() + 999_999L) / 1_000_000L;
        return ms < 1 ? 1 : ms;
    }

    @Override
    public boolean hasWaiters() {
        return !blocker.isEmpty();
    }

    /**
     * The program is ending: waits (at most {@link #LINGER_NANOS}) until the peers acknowledged
     * the data and FINs the stack still holds, receiving frames and running the stack's timers
     * but resuming no green thread. On Linux the kernel keeps delivering after the process exits;
     * here the stack ends with the image, so without this a program's last write and close
     * could be lost.
     */
    @Override
    public void finish() {
        long end = System.nanoTime() + LINGER_NANOS;
        Address buf = Address.ofData(rx);
        while (stack.hasPendingOutput()) {
            int n;
            while ((n = NetDevice.recv(buf, rx.length)) > 0) {
                stack.receive(rx, Math.min(n, rx.length));
            }
            long now = System.nanoTime();
            if (stack.nextDeadline() - now <= 0) {
                stack.poll(now);
            }
            NetDevice.flush();
            if (now - end >= 0 || !stack.hasPendingOutput()) {
                return;
            }
            long until = Math.min(end, stack.nextDeadline());
            EventLoop.waitMillis(Math.max(1, (until - now + 999_999L) / 1_000_000L));
        }
    }

    /** Frames dropped because the transmit ring stayed full. */
    public long txDropped() {
        return txDropped;
    }
}
