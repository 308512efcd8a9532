package dev.kiln.vmm;

import dev.kiln.image.GuestImage;

import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRam;
import dev.kiln.vmm.memory.Region;

import java.util.List;

/**
 * Guest memory for a real test image, without KVM: the layout the monitor would use, real
 * host memory (mmap) and the GuestMemory that checks accesses to it. For the unit tests of
 * the pieces that work on guest memory (checks, page tables, hypercalls, crash hints).
 */
public final class MappedGuest implements AutoCloseable {
    /** The boot info's size in these tests: one page is mapped for it. */
    public static final long BOOT_INFO_SIZE = 200;

    public final GuestImage image;
    public final GuestLayout layout;
    public final List<Region> regions;
    public final GuestRam ram;
    public final GuestMemory memory;

    public MappedGuest(String guest, long memSize, boolean net) {
        image = Guests.image(guest);
        layout = new GuestLayout(image, memSize, net);
        regions = layout.regions(BOOT_INFO_SIZE);
        ram = GuestRam.map(memSize);
        memory = new GuestMemory(ram, regions);
    }

    /** 16 MiB for guest/tests/hello, no net device. */
    public MappedGuest() {
        this("hello", 16L << 20, false);
    }

    @Override
    public void close() {
        ram.unmap();
    }
}
