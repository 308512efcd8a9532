package dev.kiln.vmm.profile;

import dev.kiln.vmm.memory.GuestMemory;

import java.nio.charset.StandardCharsets;

/**
 * Bounded reads of guest memory for the profiler: only memory the guest itself may read, and a
 * pointer outside it is {@link Unreadable}, which the readers turn into a truncated sample.
 * The guest may change what it points to at any moment; callers bound every loop.
 */
final class GuestWords {
    /** A guest pointer that leads outside the guest's readable memory. Carries no stack trace: it is routine. */
    static final class Unreadable extends RuntimeException {
        Unreadable(long address) {
            super(String.format("0x%x is not in guest readable memory", address), null, false, false);
        }
    }

    /** The longest Java string (class, method or file name) read, in chars. */
    static final int MAX_STRING_CHARS = 1024;

    private final GuestMemory memory;

    GuestWords(GuestMemory memory) {
        this.memory = memory;
    }

    long u64(long address) {
        if (!memory.guestReadable(address, 8)) throw new Unreadable(address);
        return memory.readable(address, 8, "profiler").getLong(0);
    }

    int i32(long address) {
        if (!memory.guestReadable(address, 4)) throw new Unreadable(address);
        return memory.readable(address, 4, "profiler").getInt(0);
    }

    /** {@code count} UTF-16LE chars at {@code address}, at most {@link #MAX_STRING_CHARS}. */
    String utf16(long address, int count) {
        if (count < 0 || count > MAX_STRING_CHARS) throw new Unreadable(address);
        if (!memory.guestReadable(address, 2L * count)) throw new Unreadable(address);
        byte[] b = new byte[2 * count];
        memory.readable(address, b.length, "profiler").copyTo(0, b, 0, b.length);
        return new String(b, StandardCharsets.UTF_16LE);
    }
}
