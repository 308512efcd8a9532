package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestRange;

import java.time.Instant;
import java.util.List;

/** The hypercalls the monitor serves, one row each (docs/abi.md, "Making a hypercall"). */
public final class HypercallTable {
    private HypercallTable() {}

    /** Every call of ABI version {@link Abi#ABI_VERSION}, with this VM's handlers. */
    public static List<Hypercall> standard(ConsoleWriteCall console, YieldCall yield, AbortCall abort,
                                           NetNotifyCall netNotify) {
        return List.of(
                new Hypercall(Abi.HC_CONSOLE_WRITE, "console_write", Abi.CONSOLE_WRITE_SIZE, false, console),
                new Hypercall(Abi.HC_EXIT, "exit", Abi.EXIT_SIZE, false, HypercallTable::exit),
                new Hypercall(Abi.HC_WALLTIME, "walltime", Abi.WALLTIME_SIZE, true, HypercallTable::walltime),
                new Hypercall(Abi.HC_YIELD, "yield", Abi.YIELD_SIZE, true, yield),
                new Hypercall(Abi.HC_ABORT, "abort", Abi.ABORT_SIZE, false, abort),
                new Hypercall(Abi.HC_NET_NOTIFY, "net_notify", Abi.NET_NOTIFY_SIZE, false, netNotify));
    }

    /** KILN_HC_EXIT {status}: the VM ends with that status. */
    static VmExit exit(GuestRange block) {
        return new VmExit.Exited(block.getLong(Abi.EXIT_STATUS));
    }

    /** KILN_HC_WALLTIME {ns out}: nanoseconds since the Unix epoch. */
    static VmExit walltime(GuestRange block) {
        Instant now = Instant.now();
        block.putLong(Abi.WALLTIME_NS, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        return null;
    }
}
