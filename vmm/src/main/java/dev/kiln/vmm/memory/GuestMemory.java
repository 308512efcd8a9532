package dev.kiln.vmm.memory;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * One VM's guest memory, and the only way into it: every access the monitor makes goes
 * through here and is checked (Solo5's checked guest pointers, Firecracker's GuestMemory).
 *
 * <p><b>For the guest</b> (hypercall blocks and buffers, ring descriptors, anything whose
 * address or length came from the guest): {@link #readable} and {@link #writable} check
 * that [addr, addr+len) lies wholly in memory the guest itself may read or write, with
 * overflow-safe arithmetic, against the same {@link Region}s the page tables are built from,
 * and hand out a {@link GuestRange} confined to it; otherwise they throw {@link GuestFault}.
 * So a guest can never get the monitor to read the page tables for it or to write its own
 * code, GDT or boot info.
 *
 * <p><b>For the monitor itself</b>, before the guest's first instruction: {@link #boot} writes
 * the image, the GDT and TSS, the page tables and the boot info anywhere inside guest memory
 * (bounds-checked only). {@link #seal} ends that: from the first guest instruction on, the
 * monitor writes only what the guest could write itself.
 *
 * <p>Thread-safety: the checks read immutable state; the bytes are shared with the running
 * guest, so every value read from guest memory may change at any time (read once, check,
 * use). Setup happens on one thread before the VM runs.
 */
public final class GuestMemory {
    public static final long PAGE = 4096;

    private final GuestRam host;
    private final MemorySegment ram; // all of guest memory; never handed out (GuestMemoryConfinementTest)
    private final long size;
    private final Region[] regions;  // sorted, not overlapping
    private final BootWriter boot = new BootWriter();
    private volatile boolean sealed;

    /** The guest's view of {@code ram}: the regions it has mapped (page-aligned, not overlapping, inside ram). */
    public GuestMemory(GuestRam ram, List<Region> regions) {
        this.host = ram;
        this.ram = ram.segment();
        this.size = ram.size();
        List<Region> sorted = new ArrayList<>(regions);
        // Not Comparator.comparingLong: its lambda, inside the JDK, is spun anew at every start (the AOT cache keeps this one).
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (int i = 0; i < sorted.size(); i++) {
            Region r = sorted.get(i);
            if (r.end() > size) throw new IllegalArgumentException("region " + r + " extends beyond guest memory");
            if (i > 0 && sorted.get(i - 1).end() > r.start()) {
                throw new IllegalArgumentException("regions " + sorted.get(i - 1) + " and " + r + " overlap");
            }
        }
        this.regions = sorted.toArray(new Region[0]);
    }

    public long size() {
        return size;
    }

    public List<Region> regions() {
        return List.of(regions);
    }

    /** True if [addr, addr+len) lies wholly inside guest memory; overflow-safe for any inputs. */
    public boolean inMemory(long addr, long len) {
        return addr >= 0 && len >= 0 && len <= size && addr <= size - len;
    }

    /** May the guest have the monitor read [addr, addr+len)? Only memory the guest could read itself. */
    public boolean guestReadable(long addr, long len) {
        return permitted(addr, len, false);
    }

    /** May the guest have the monitor write [addr, addr+len)? Only memory the guest could write itself. */
    public boolean guestWritable(long addr, long len) {
        return permitted(addr, len, true);
    }

    /**
     * True if every byte of [addr, addr+len) is in a region the guest may read (write); a range
     * may run across adjacent regions. A zero-length range must still start in such a region.
     */
    private boolean permitted(long addr, long len, boolean write) {
        if (!inMemory(addr, len)) return false;
        long end = addr + len, at = addr;
        for (Region r : regions) {
            if (r.end() <= at) continue;
            if (r.start() > at) return false; // a gap: unmapped memory
            if (!(write ? r.access().guestWritable() : r.access().guestReadable())) return false;
            if (end <= r.end()) return true;
            at = r.end();
        }
        return false;
    }

    /**
     * [addr, addr+len) for the monitor to read on the guest's behalf.
     *
     * @param what names the pointer in the error: "console_write: buffer"
     * @throws GuestFault "WHAT 0xADDR (+LEN bytes) is not in guest readable memory"
     */
    public GuestRange readable(long addr, long len, String what) {
        if (!guestReadable(addr, len)) throw refused(what, addr, len, "readable");
        return new GuestRange(ram.asSlice(addr, len), addr, false);
    }

    /** [addr, addr+len) for the monitor to write (and read) on the guest's behalf; see {@link #readable}. */
    public GuestRange writable(long addr, long len, String what) {
        if (!guestWritable(addr, len)) throw refused(what, addr, len, "writable");
        return new GuestRange(ram.asSlice(addr, len), addr, true);
    }

    /**
     * May a debugger attached by the user (kiln run --gdb, kiln debug) write [addr, addr+len)?
     * Wherever the guest has readable memory, its code included (a breakpoint is an int3 written
     * over an instruction), except the control page: that page is the monitor's word to the
     * guest, and a byte written there would be a stop request the monitor never made.
     */
    public boolean debuggerWritable(long addr, long len) {
        if (!guestReadable(addr, len)) return false;
        for (Region r : regions) {
            if (r.access() == Access.CONTROL && r.start() < addr + len && addr < r.end()) return false;
        }
        return true;
    }

    /**
     * [addr, addr+len) for a debugger attached by the user to read, never for the guest: wherever
     * the guest has readable memory, and nowhere else: not the GDT, TSS or page tables, not
     * unmapped memory.
     */
    public GuestRange debuggerRead(long addr, long len, String what) {
        if (!guestReadable(addr, len)) throw refused(what, addr, len, "readable");
        return new GuestRange(ram.asSlice(addr, len), addr, false);
    }

    /** [addr, addr+len) for a debugger attached by the user to write: see {@link #debuggerWritable}. */
    public GuestRange debuggerWrite(long addr, long len, String what) {
        if (!debuggerWritable(addr, len)) {
            throw new GuestFault(String.format("%s 0x%x (+%s bytes) is not memory a debugger may write", what, addr,
                    Long.toUnsignedString(len)));
        }
        return new GuestRange(ram.asSlice(addr, len), addr, true);
    }

    /**
     * The parts of the guest's readable regions that the guest (or the monitor loading it) has
     * touched, as host pages back them (mincore: no exit): what a core file must hold, since
     * untouched memory is zeroes. Adjacent touched pages of one region make one range.
     */
    public List<Region> touchedReadable() {
        boolean[] resident = host.residentPages();
        List<Region> out = new ArrayList<>();
        for (Region r : regions) {
            if (!r.access().guestReadable()) continue;
            long runStart = -1;
            for (long page = r.start(); page <= r.end(); page += PAGE) {
                boolean in = page < r.end() && resident[(int) (page / PAGE)];
                if (in && runStart < 0) runStart = page;
                if (!in && runStart >= 0) {
                    out.add(new Region(runStart, page, r.access()));
                    runStart = -1;
                }
            }
        }
        return out;
    }

    /**
     * Writes [addr, addr+len) of guest memory to {@code out} at its position: a core dump's
     * copy, of memory the guest may read (the same rule as {@link #debugger}).
     */
    public void writeTo(long addr, long len, java.nio.channels.FileChannel out) throws java.io.IOException {
        if (!guestReadable(addr, len)) throw refused("dump", addr, len, "readable");
        java.nio.ByteBuffer b = ram.asSlice(addr, len).asByteBuffer().asReadOnlyBuffer();
        while (b.hasRemaining()) out.write(b);
    }

    private static GuestFault refused(String what, long addr, long len, String kind) {
        return new GuestFault(String.format("%s 0x%x (+%s bytes) is not in guest %s memory", what, addr,
                Long.toUnsignedString(len), kind));
    }

    /**
     * The control page at {@code addr} for the monitor to write while the guest runs: only a
     * page of a region mapped {@link Access#CONTROL} (the guest can read it, never write it).
     * The one place the monitor writes guest memory the guest could not write itself, after
     * {@link #seal}: its own page, whose contents the guest only reads.
     */
    public GuestRange controlPage(long addr) {
        for (Region r : regions) {
            if (r.access() == Access.CONTROL && addr >= r.start() && addr <= r.end() - PAGE && addr % PAGE == 0) {
                return new GuestRange(ram.asSlice(addr, PAGE), addr, true);
            }
        }
        throw new IllegalArgumentException(String.format("0x%x is not a control page", addr));
    }

    /** The monitor's writer for setting up the VM; throws once {@link #seal sealed}. */
    public BootWriter boot() {
        if (sealed) throw new IllegalStateException("guest memory is sealed: the guest runs");
        return boot;
    }

    /** From now on the monitor writes only what the guest may write (call before the first guest instruction). */
    public void seal() {
        sealed = true;
    }

    public boolean sealed() {
        return sealed;
    }

    /**
     * What the monitor writes before the guest runs: the image, its own structures (GDT, TSS,
     * page tables, boot info) and the TLS block. Bounds-checked against guest memory, not
     * against the guest's permissions; refused once the memory is sealed.
     */
    public final class BootWriter {
        private BootWriter() {}

        private MemorySegment at(long addr, long len) {
            if (sealed) throw new IllegalStateException("guest memory is sealed: the guest runs");
            if (!inMemory(addr, len)) {
                throw new IllegalArgumentException(String.format("0x%x (+%d bytes) is outside the %d bytes of guest memory",
                        addr, len, size));
            }
            return ram.asSlice(addr, len);
        }

        public void putLong(long addr, long value) {
            at(addr, 8).set(JAVA_LONG_UNALIGNED, 0, value);
        }

        public void putInt(long addr, int value) {
            at(addr, 4).set(JAVA_INT_UNALIGNED, 0, value);
        }

        public void putShort(long addr, short value) {
            at(addr, 2).set(JAVA_SHORT_UNALIGNED, 0, value);
        }

        public void putByte(long addr, byte value) {
            at(addr, 1).set(JAVA_BYTE, 0, value);
        }

        public long getLong(long addr) {
            return at(addr, 8).get(JAVA_LONG_UNALIGNED, 0);
        }

        public void putBytes(long addr, byte[] bytes) {
            MemorySegment.copy(bytes, 0, at(addr, bytes.length), JAVA_BYTE, 0, bytes.length);
        }

        /** Copies {@code len} bytes of {@code src} from {@code srcOffset} to guest address {@code addr}. */
        public void copy(MemorySegment src, long srcOffset, long addr, long len) {
            MemorySegment.copy(src, srcOffset, at(addr, len), 0, len);
        }
    }
}
