package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** KILN_HC_CONSOLE_WRITE {data, len}: at most 1 MiB of readable guest memory to the console, flushed. */
public final class ConsoleWriteCall implements Hypercall.Handler {
    private final GuestMemory memory;
    private final OutputStream console;
    private final AtomicLong bytes = new AtomicLong();
    private byte[] buffer = new byte[4096];

    public ConsoleWriteCall(GuestMemory memory, OutputStream console) {
        this.memory = memory;
        this.console = console;
    }

    @Override
    public VmExit call(GuestRange block) {
        long data = block.getLong(Abi.CONSOLE_WRITE_DATA);
        long len = block.getLong(Abi.CONSOLE_WRITE_LEN);
        if (Long.compareUnsigned(len, Abi.CONSOLE_WRITE_MAX) > 0) {
            throw new GuestFault(String.format("console_write: length %s is above the maximum %d",
                    Long.toUnsignedString(len), Abi.CONSOLE_WRITE_MAX));
        }
        int n = (int) len;
        GuestRange text = memory.readable(data, n, "console_write: buffer");
        if (buffer.length < n) buffer = new byte[Math.max(n, buffer.length * 2)];
        text.copyTo(0, buffer, 0, n);
        bytes.addAndGet(n);
        try {
            console.write(buffer, 0, n);
            console.flush();
        } catch (IOException e) {
            return new VmExit.GuestError("console output failed: " + e.getMessage());
        }
        return null;
    }

    /** Bytes written to the console so far. */
    public long bytes() {
        return bytes.get();
    }
}
