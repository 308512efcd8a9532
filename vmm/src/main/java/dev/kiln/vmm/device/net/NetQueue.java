package dev.kiln.vmm.device.net;

import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRange;

import java.lang.invoke.VarHandle;

/**
 * The host side of one split ring in guest memory (descriptor table, available ring, used
 * ring; see docs/abi.md). Used by the device's I/O thread only, except {@link #wantsWake} and
 * {@link #pastArmedEvent}, which read nothing but guest memory.
 *
 * <p>The guest can write every byte of the ring at any time, so each value is read exactly
 * once into a local, checked, then used: the available index may be at most a queue's worth
 * ahead of what the host consumed, a head must name a descriptor, a descriptor's flags must
 * be exactly those of its direction, and its buffer must lie wholly in memory the guest may
 * read (tx) or write (rx), which {@link GuestMemory} checks. Anything else is a
 * {@link GuestFault}. The host never reads back what it wrote (the used index lives in
 * {@link #usedIdx}), so a guest scribbling on the used ring confuses only itself.
 */
final class NetQueue {
    private static final int N = Abi.NET_QUEUE_SIZE;

    private final GuestMemory memory;
    private final GuestRange ring; // desc, avail, used: in the net region, which the guest may write
    private final String name;
    private final boolean deviceWrites;
    private final int maxFrame;
    /** "net tx descriptor 7: buffer" for each descriptor: error texts made once, not per frame. */
    private final String[] bufferNames = new String[N];
    /** The next available slot the host consumes, and the used index the host last published (both mod 2^16). */
    private int lastAvail, usedIdx;

    // the descriptor last returned by peek()
    int head;
    /** tx: exactly the frame (len bytes); rx: room for one frame. */
    GuestRange buffer;
    /** tx: the length the guest gave (maybe 0 or beyond a frame: the caller drops those); rx: the buffer's usable size. */
    long len;

    NetQueue(GuestMemory memory, long base, String name, boolean deviceWrites, int maxFrame) {
        this.memory = memory;
        this.ring = memory.writable(base, Abi.NET_QUEUE_STRIDE, "net " + name + " ring");
        this.name = name;
        this.deviceWrites = deviceWrites;
        this.maxFrame = maxFrame;
        for (int i = 0; i < N; i++) bufferNames[i] = "net " + name + " descriptor " + i + ": buffer";
    }

    /** How many heads the guest made available that the host has not consumed yet. */
    int available() {
        int idx = ring.getShort(Abi.NET_AVAIL_OFFSET + Abi.AVAIL_IDX) & 0xffff;
        VarHandle.acquireFence(); // ring entries and descriptors are read after the index that published them
        int n = (idx - lastAvail) & 0xffff;
        if (n > N) {
            throw new GuestFault(String.format("net %s ring: available index %d is %d ahead of the %d the device consumed;"
                    + " at most %d descriptors can be outstanding", name, idx, n, lastAvail, N));
        }
        return n;
    }

    /** Reads and checks the next available descriptor into head/buffer/len without consuming it; call when available() > 0. */
    void peek() {
        int h = ring.getShort(Abi.NET_AVAIL_OFFSET + Abi.AVAIL_RING + 2L * (lastAvail % N)) & 0xffff;
        if (h >= N) {
            throw new GuestFault(String.format("net %s ring: available slot %d names descriptor %d; there are %d",
                    name, lastAvail, h, N));
        }
        long d = Abi.NET_DESC_OFFSET + (long) h * Abi.DESC_SIZE;
        long a = ring.getLong(d + Abi.DESC_ADDR);
        long l = ring.getInt(d + Abi.DESC_LEN) & 0xffffffffL;
        int flags = ring.getShort(d + Abi.DESC_FLAGS) & 0xffff;
        int want = deviceWrites ? Abi.NET_DESC_F_WRITE : 0;
        if (flags != want) {
            throw new GuestFault(String.format("net %s descriptor %d: flags 0x%x, expected 0x%x (no chaining, %s)",
                    name, h, flags, want, deviceWrites ? "rx buffers are device-writable" : "tx buffers are read-only"));
        }
        if (deviceWrites && l < maxFrame) {
            throw new GuestFault(String.format("net %s descriptor %d: buffer of %d bytes is shorter than a frame (%d)",
                    name, h, l, maxFrame));
        }
        // tx lengths of 0 or beyond a frame are the caller's to drop; still, the buffer must be readable
        buffer = deviceWrites ? memory.writable(a, maxFrame, bufferNames[h]) : memory.readable(a, l, bufferNames[h]);
        head = h;
        len = deviceWrites ? maxFrame : l;
    }

    /** Consumes the descriptor peek() returned. */
    void consume() {
        lastAvail = (lastAvail + 1) & 0xffff;
    }

    /** Returns a descriptor to the guest with the bytes written (rx) or 0 (tx), and publishes it. */
    void push(int id, int written) {
        long e = Abi.NET_USED_OFFSET + Abi.USED_RING + 8L * (usedIdx % N);
        ring.putInt(e, id);
        ring.putInt(e + 4, written);
        usedIdx = (usedIdx + 1) & 0xffff;
        VarHandle.releaseFence(); // the entry before the index that publishes it
        ring.putShort(Abi.NET_USED_OFFSET + Abi.USED_IDX, (short) usedIdx);
    }

    /**
     * Going idle: asks for a notification as soon as the guest makes one more descriptor
     * available (event index = the next slot), or never (an index half the ring space away,
     * which an index at most N ahead cannot pass). A full fence follows, so that the
     * caller's re-check of {@link #available} cannot be ordered before it.
     */
    void armNotify(boolean wanted) {
        int event = wanted ? lastAvail : (lastAvail + 0x8000) & 0xffff;
        ring.putShort(Abi.NET_USED_OFFSET + Abi.USED_AVAIL_EVENT, (short) event);
        VarHandle.fullFence();
    }

    /**
     * Read by the vCPU thread from guest memory only: has the guest made descriptors available
     * beyond the event index the I/O thread armed when it went idle? (A stale event index of a
     * busy I/O thread makes this true spuriously, which costs one needless wakeup.)
     */
    boolean pastArmedEvent() {
        int idx = ring.getShort(Abi.NET_AVAIL_OFFSET + Abi.AVAIL_IDX) & 0xffff;
        int event = ring.getShort(Abi.NET_USED_OFFSET + Abi.USED_AVAIL_EVENT) & 0xffff;
        return idx != event;
    }

    /** True if the used index passed the guest's used_event: the guest asked to be woken for this. */
    boolean wantsWake() {
        int event = ring.getShort(Abi.NET_AVAIL_OFFSET + Abi.AVAIL_USED_EVENT) & 0xffff;
        int idx = ring.getShort(Abi.NET_USED_OFFSET + Abi.USED_IDX) & 0xffff;
        int ahead = (idx - event) & 0xffff;
        return ahead >= 1 && ahead <= N;
    }
}
