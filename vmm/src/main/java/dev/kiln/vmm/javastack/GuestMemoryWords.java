package dev.kiln.vmm.javastack;

import dev.kiln.vmm.memory.GuestMemory;

/** {@link GuestWords} over a VM's memory: only what the guest itself may read. */
public final class GuestMemoryWords implements GuestWords {
    private final GuestMemory memory;

    public GuestMemoryWords(GuestMemory memory) {
        this.memory = memory;
    }

    private void check(long address, long length) {
        if (!memory.guestReadable(address, length)) {
            throw new Unreadable(String.format("0x%x (+%d bytes) is not in readable guest memory", address, length));
        }
    }

    @Override
    public long u64(long address) {
        check(address, 8);
        return memory.debuggerRead(address, 8, "java stack").getLong(0);
    }

    @Override
    public int i32(long address) {
        check(address, 4);
        return memory.debuggerRead(address, 4, "java stack").getInt(0);
    }

    @Override
    public byte[] bytes(long address, int length) {
        check(address, length);
        byte[] b = new byte[length];
        memory.debuggerRead(address, length, "java stack").copyTo(0, b, 0, length);
        return b;
    }
}
