package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The host side of one split ring in guest memory (descriptor table, available ring, used
 * ring; see docs/abi.md). Used by the device's I/O thread only, except {@link #wantsWake},
 * which reads nothing but guest memory.
 *
 * <p>The guest can write every byte of the ring at any time, so each value is read exactly
 * once into a local, checked, then used: the available index may be at most a queue's worth
 * ahead of what the host consumed, a head must name a descriptor, a descriptor's flags must
 * be exactly those of its direction, and its buffer must lie wholly in memory the guest may
 * read (tx) or write (rx). Anything else is a {@link GuestFault}. The host never reads back
 * what it wrote (the used index lives in {@link #usedIdx}), so a guest scribbling on the used
 * ring confuses only itself.
 */
final class NetQueue {
    private static final int N = Abi.NET_QUEUE_SIZE;

    private final MemorySegment mem;
    private final GuestLayout layout;
    private final long bootInfoEnd;
    private final String name;
    private final boolean deviceWrites;
    private final long desc, avail, used;
    /** The next available slot the host consumes, and the used index the host last published (both mod 2^16). */
    private int lastAvail, usedIdx;

    // the descriptor last returned by peek()
    int head;
    long addr;
    int len;

    NetQueue(MemorySegment mem, GuestLayout layout, long bootInfoEnd, long base, String name, boolean deviceWrites) {
        this.mem = mem;
        this.layout = layout;
        this.bootInfoEnd = bootInfoEnd;
        this.name = name;
        this.deviceWrites = deviceWrites;
        this.desc = base + Abi.NET_DESC_OFFSET;
        this.avail = base + Abi.NET_AVAIL_OFFSET;
        this.used = base + Abi.NET_USED_OFFSET;
    }

    /** How many heads the guest made available that the host has not consumed yet. */
    int available() {
        int idx = mem.get(JAVA_SHORT, avail + Abi.AVAIL_IDX) & 0xffff;
        VarHandle.acquireFence(); // ring entries and descriptors are read after the index that published them
        int n = (idx - lastAvail) & 0xffff;
        if (n > N) {
            throw new GuestFault(String.format("net %s ring: available index %d is %d ahead of the %d the device consumed;"
                    + " at most %d descriptors can be outstanding", name, idx, n, lastAvail, N));
        }
        return n;
    }

    /** Reads and checks the next available descriptor into head/addr/len without consuming it; call when available() > 0. */
    void peek(int maxFrame) {
        int h = mem.get(JAVA_SHORT, avail + Abi.AVAIL_RING + 2L * (lastAvail % N)) & 0xffff;
        if (h >= N) {
            throw new GuestFault(String.format("net %s ring: available slot %d names descriptor %d; there are %d",
                    name, lastAvail, h, N));
        }
        long d = desc + (long) h * Abi.DESC_SIZE;
        long a = mem.get(JAVA_LONG, d + Abi.DESC_ADDR);
        long l = mem.get(JAVA_INT, d + Abi.DESC_LEN) & 0xffffffffL;
        int flags = mem.get(JAVA_SHORT, d + Abi.DESC_FLAGS) & 0xffff;
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
        long checkLen = deviceWrites ? Math.min(l, maxFrame) : l;
        boolean ok = deviceWrites ? layout.guestWritable(a, checkLen) : layout.guestReadable(a, checkLen, bootInfoEnd);
        if (!ok) {
            throw new GuestFault(String.format("net %s descriptor %d: buffer 0x%x (+%d bytes) is not in guest %s memory",
                    name, h, a, checkLen, deviceWrites ? "writable" : "readable"));
        }
        head = h;
        addr = a;
        len = (int) Math.min(checkLen, Integer.MAX_VALUE);
    }

    /** Consumes the descriptor peek() returned. */
    void consume() {
        lastAvail = (lastAvail + 1) & 0xffff;
    }

    /** Returns a descriptor to the guest with the bytes written (rx) or 0 (tx), and publishes it. */
    void push(int id, int written) {
        long e = used + Abi.USED_RING + 8L * (usedIdx % N);
        mem.set(JAVA_INT, e, id);
        mem.set(JAVA_INT, e + 4, written);
        usedIdx = (usedIdx + 1) & 0xffff;
        VarHandle.releaseFence(); // the entry before the index that publishes it
        mem.set(JAVA_SHORT, used + Abi.USED_IDX, (short) usedIdx);
    }

    /**
     * Going idle: asks for a notification as soon as the guest makes one more descriptor
     * available (event index = the next slot), or never (an index half the ring space away,
     * which an index at most N ahead cannot pass). A full fence follows, so that the
     * caller's re-check of {@link #available} cannot be ordered before it.
     */
    void armNotify(boolean wanted) {
        int event = wanted ? lastAvail : (lastAvail + 0x8000) & 0xffff;
        mem.set(JAVA_SHORT, used + Abi.USED_AVAIL_EVENT, (short) event);
        VarHandle.fullFence();
    }

    /**
     * Read by the vCPU thread from guest memory only: has the guest made descriptors available
     * beyond the event index the I/O thread armed when it went idle? (A stale event index of a
     * busy I/O thread makes this true spuriously, which costs one needless wakeup.)
     */
    boolean pastArmedEvent() {
        int idx = mem.get(JAVA_SHORT, avail + Abi.AVAIL_IDX) & 0xffff;
        int event = mem.get(JAVA_SHORT, used + Abi.USED_AVAIL_EVENT) & 0xffff;
        return idx != event;
    }

    /** True if the used index passed the guest's used_event: the guest asked to be woken for this. */
    boolean wantsWake() {
        int event = mem.get(JAVA_SHORT, avail + Abi.AVAIL_USED_EVENT) & 0xffff;
        int idx = mem.get(JAVA_SHORT, used + Abi.USED_IDX) & 0xffff;
        int ahead = (idx - event) & 0xffff;
        return ahead >= 1 && ahead <= N;
    }
}
