package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRange;

/**
 * KILN_HC_ABORT {msg, len}: the VM ends with the message (truncated to 4096 bytes, escaped).
 * The message travels in the exit, not on the console: the console is the guest's output
 * (stdout), and whoever ran the VM reports how it ended.
 */
public final class AbortCall implements Hypercall.Handler {
    private final GuestMemory memory;

    public AbortCall(GuestMemory memory) {
        this.memory = memory;
    }

    @Override
    public VmExit call(GuestRange block) {
        long msg = block.getLong(Abi.ABORT_MSG);
        long len = block.getLong(Abi.ABORT_LEN);
        if (Long.compareUnsigned(len, Abi.ABORT_MESSAGE_MAX) > 0) len = Abi.ABORT_MESSAGE_MAX;
        GuestRange text = memory.readable(msg, len, "abort: message");
        byte[] bytes = new byte[(int) len];
        text.copyTo(0, bytes, 0, bytes.length);
        return new VmExit.Aborted(escape(bytes));
    }

    /** Printable ASCII stays, everything else becomes \n, \t, \\ or \xNN. */
    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
