package dev.kiln.vmm.memory;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.VmmException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The host memory behind one VM's guest-physical memory: an anonymous private mapping,
 * reserved without being committed (MAP_NORESERVE: untouched pages cost the host nothing),
 * kept by a reusable VM shell across the VMs it serves.
 *
 * <p>Only {@link GuestMemory} reaches the bytes ({@link #segment} is package-private and
 * GuestMemoryConfinementTest checks that nothing else calls it); the rest of the monitor
 * sees the mapping's size and, for KVM_SET_USER_MEMORY_REGION, its host address.
 */
public final class GuestRam {
    private final long address, size;
    private final MemorySegment segment;
    private boolean unmapped;

    private GuestRam(long address, long size) {
        this.address = address;
        this.size = size;
        this.segment = MemorySegment.ofAddress(address).reinterpret(size);
    }

    /** Reserves {@code size} bytes (a multiple of 4 KiB) of zeroed memory. */
    public static GuestRam map(long size) {
        if (size <= 0 || size % GuestMemory.PAGE != 0) {
            throw new IllegalArgumentException("guest memory must be a positive multiple of 4 KiB, got " + size);
        }
        long a = Libc.mmap(0, size, Libc.PROT_READ | Libc.PROT_WRITE,
                Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_NORESERVE, -1, 0);
        if (a < 0) throw new VmmException("cannot reserve " + (size >> 20) + " MiB of guest memory: " + Errno.describe((int) -a));
        return new GuestRam(a, size);
    }

    public long size() {
        return size;
    }

    /** The host virtual address of guest-physical 0, for KVM's memory slot. */
    public long hostAddress() {
        return address;
    }

    /**
     * Bytes of the mapping backed by host memory now (mincore(2)): the pages the guest (or the
     * monitor loading it) has touched since the last {@link #discard}. Costs the guest nothing:
     * the kernel reads the host's page tables, the vCPU keeps running.
     */
    public long residentBytes() {
        long pages = size / GuestMemory.PAGE;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment vec = a.allocate(pages);
            int r = Libc.mincore(address, size, vec);
            if (r < 0) throw new VmmException("mincore on guest memory failed: " + Errno.describe(-r));
            return residentPages(vec, pages) * GuestMemory.PAGE;
        }
    }

    /**
     * The pages mincore marked resident (bit 0 of each byte; the other bits are reserved), eight
     * bytes at a time: a metrics scrape counts every VM's pages (16k bytes for 64 MiB of guest
     * memory), so at 1,000 VMs this loop runs over 16 MB.
     */
    static long residentPages(MemorySegment vec, long pages) {
        long resident = 0, i = 0;
        for (; i + Long.BYTES <= pages; i += Long.BYTES) {
            resident += Long.bitCount(vec.get(ValueLayout.JAVA_LONG_UNALIGNED, i) & 0x0101010101010101L);
        }
        for (; i < pages; i++) resident += vec.get(ValueLayout.JAVA_BYTE, i) & 1;
        return resident;
    }

    /**
     * mincore(2)'s answer page by page: element i is true if page i of guest memory is backed
     * by host memory now (touched since the last {@link #discard}). No exit.
     */
    public boolean[] residentPages() {
        int pages = Math.toIntExact(size / GuestMemory.PAGE);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment vec = a.allocate(pages);
            int r = Libc.mincore(address, size, vec);
            if (r < 0) throw new VmmException("mincore on guest memory failed: " + Errno.describe(-r));
            boolean[] out = new boolean[pages];
            for (int i = 0; i < pages; i++) out[i] = (vec.get(ValueLayout.JAVA_BYTE, i) & 1) != 0;
            return out;
        }
    }

    /** Gives every page back to the host: the next reader sees zeroes (MADV_DONTNEED on private anonymous memory). */
    public void discard() {
        int r = Libc.madvise(address, size, Libc.MADV_DONTNEED);
        if (r < 0) throw new VmmException("madvise(MADV_DONTNEED) on guest memory failed: " + Errno.describe(-r));
    }

    /** Unmaps the memory; call once no VM and no KVM slot use it. */
    public void unmap() {
        if (!unmapped) {
            unmapped = true;
            Libc.munmap(address, size);
        }
    }

    /** All of guest memory, for {@link GuestMemory} only. */
    MemorySegment segment() {
        return segment;
    }
}
