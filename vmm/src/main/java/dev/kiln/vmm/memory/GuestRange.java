package dev.kiln.vmm.memory;

import dev.kiln.linux.Libc;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * A range of guest memory that passed {@link GuestMemory}'s permission check: a hypercall's
 * argument block, a buffer, a ring. Offsets are relative to its start and confined to it
 * (an offset outside is the monitor's bug and throws IndexOutOfBoundsException); it writes
 * only if it came from {@link GuestMemory#writable}. Regions never change while a VM lives,
 * so a range checked once stays valid; its contents, shared with the running guest, may
 * change at any time.
 */
public final class GuestRange {
    private final MemorySegment bytes;
    private final long address;
    private final boolean writable;

    GuestRange(MemorySegment bytes, long address, boolean writable) {
        this.bytes = bytes;
        this.address = address;
        this.writable = writable;
    }

    /** The guest-physical address of the first byte. */
    public long address() {
        return address;
    }

    public long length() {
        return bytes.byteSize();
    }

    public byte getByte(long offset) {
        return bytes.get(JAVA_BYTE, offset);
    }

    public short getShort(long offset) {
        return bytes.get(JAVA_SHORT_UNALIGNED, offset);
    }

    public int getInt(long offset) {
        return bytes.get(JAVA_INT_UNALIGNED, offset);
    }

    public long getLong(long offset) {
        return bytes.get(JAVA_LONG_UNALIGNED, offset);
    }

    public void putShort(long offset, short value) {
        writableBytes().set(JAVA_SHORT_UNALIGNED, offset, value);
    }

    public void putInt(long offset, int value) {
        writableBytes().set(JAVA_INT_UNALIGNED, offset, value);
    }

    public void putLong(long offset, long value) {
        writableBytes().set(JAVA_LONG_UNALIGNED, offset, value);
    }

    /** Copies {@code len} bytes from {@code offset} into {@code dst}. */
    public void copyTo(long offset, byte[] dst, int dstOffset, int len) {
        MemorySegment.copy(bytes, JAVA_BYTE, offset, dst, dstOffset, len);
    }

    /** Copies {@code len} bytes of {@code src} into this range at {@code offset}. */
    public void copyFrom(byte[] src, int srcOffset, long offset, int len) {
        MemorySegment.copy(src, srcOffset, writableBytes(), JAVA_BYTE, offset, len);
    }

    /** read(2) from {@code fd} straight into [offset, offset+len) of this range: bytes read or -errno. */
    public long readFrom(int fd, long offset, long len) {
        return Libc.read(fd, writableBytes().asSlice(offset, len), len);
    }

    /** write(2) of [offset, offset+len) of this range straight to {@code fd}: bytes written or -errno. */
    public long writeTo(int fd, long offset, long len) {
        return Libc.write(fd, bytes.asSlice(offset, len), len);
    }

    private MemorySegment writableBytes() {
        if (!writable) throw new IllegalStateException(String.format("guest range 0x%x was checked for reading only", address));
        return bytes;
    }

    @Override
    public String toString() {
        return String.format("guest 0x%x (+%d bytes, %s)", address, bytes.byteSize(), writable ? "rw" : "r");
    }
}
