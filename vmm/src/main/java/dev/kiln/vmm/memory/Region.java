package dev.kiln.vmm.memory;

/**
 * A page-aligned range [start, end) of guest-physical memory mapped with one {@link Access}.
 * Memory in no region is not mapped at all (page 0, the page-table pool, the gaps between
 * image segments, the stack guard page).
 */
public record Region(long start, long end, Access access) {
    public Region {
        if ((start | end) % GuestMemory.PAGE != 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException(String.format("region [0x%x, 0x%x) is empty or not page-aligned", start, end));
        }
    }
}
