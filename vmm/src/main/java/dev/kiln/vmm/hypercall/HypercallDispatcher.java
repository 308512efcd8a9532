package dev.kiln.vmm.hypercall;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.kvm.Vcpu;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRange;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Turns a port-I/O exit into a hypercall, through an explicit table of the calls this VM
 * serves. Everything about the exit is the guest's choice and is checked here: only a 32-bit
 * OUT of one value to a port in the table is a hypercall, and its argument block must be
 * 8-byte aligned and lie wholly in memory the guest may read (write, for calls with out
 * fields). Anything else, an unknown call number included, ends the VM with
 * {@link VmExit.GuestError} (exit status 159): never an exception, never an abort.
 */
public final class HypercallDispatcher {
    private final GuestMemory memory;
    private final Hypercall[] table = new Hypercall[Abi.HC_MAX + 1];
    /** "console_write: argument block" per call: error texts made once, not per call. */
    private final String[] blockNames = new String[Abi.HC_MAX + 1];
    /** Calls made per number (counted before their checks), for {@code VmStats}; read from any thread. */
    private final AtomicLongArray calls = new AtomicLongArray(Abi.HC_MAX + 1);

    /** A dispatcher for the calls of {@code table} (usually {@link HypercallTable#standard}). */
    public HypercallDispatcher(GuestMemory memory, List<Hypercall> table) {
        this.memory = memory;
        for (Hypercall h : table) {
            int n = h.number();
            if (n < 1 || n > Abi.HC_MAX || this.table[n] != null) {
                throw new IllegalArgumentException("hypercall " + n + " (" + h.name() + ") is not a free ABI number");
            }
            this.table[n] = h;
            blockNames[n] = h.name() + ": argument block";
        }
    }

    /** Serves one port-I/O exit: null to resume the guest, or how the VM ends. Never throws for what the guest did. */
    public VmExit dispatch(Vcpu.PortIo io) {
        int port = io.port();
        if (io.direction() != KvmApi.IO_OUT) {
            return error("IN from port 0x%x: the Kiln ABI has no IN hypercalls", port);
        }
        int number = port - Abi.HC_PORT_BASE;
        if (number < 1 || number > Abi.HC_MAX) return error("OUT to unknown port 0x%x (not a Kiln hypercall)", port);
        Hypercall h = table[number];
        if (h == null) return error("hypercall %d (port 0x%x) is not served by this monitor", number, port);
        calls.incrementAndGet(number);
        if (io.size() != 4 || io.count() != 1) {
            return error("%s (port 0x%x) made with a %d-byte access, count %d; hypercalls are one 32-bit OUT",
                    h.name(), port, io.size(), io.count());
        }
        long block = io.data();
        if (block < 0) return error("%s: KVM reported a bad I/O data offset", h.name());
        if ((block & 7) != 0) return error("%s: argument block 0x%x is not 8-byte aligned", h.name(), block);
        try {
            GuestRange args = h.writesBlock() ? memory.writable(block, h.blockSize(), blockNames[number])
                    : memory.readable(block, h.blockSize(), blockNames[number]);
            return h.handler().call(args);
        } catch (GuestFault f) {
            return new VmExit.GuestError(f.getMessage());
        }
    }

    /** How many times the guest made hypercall {@code number} (0 for numbers outside the ABI). */
    public long calls(int number) {
        return number < 1 || number > Abi.HC_MAX ? 0 : calls.get(number);
    }

    private static VmExit error(String format, Object... args) {
        return new VmExit.GuestError(String.format(format, args));
    }
}
