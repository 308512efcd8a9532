package dev.kiln.cli;

import dev.kiln.fuzz.HypercallFuzzer;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln fuzz hypercalls`: the fuzzer guest in many VMs of this process. Exit status 0 when no
 * monitor crash, hang or leak was seen, else 1; the figures line either way.
 */
@Command(name = "hypercalls", mixinStandardHelpOptions = true,
        description = {"Random hypercalls from many VMs of this monitor process.",
                "Boots the fuzzer guest (guest/tests/hcfuzz.c) again and again, each VM with its own seed, until the guests made N hypercalls; the figures: calls, VMs, how they ended, monitor crashes, host memory, descriptors and threads after a warm-up and at the end."})
final class FuzzHypercallsCommand implements Callable<Integer> {
    @Option(names = "--calls", paramLabel = "N", description = "Hypercalls to make in all (default: ${DEFAULT-VALUE}).")
    long calls = 1_000_000;

    @Option(names = "--vms", paramLabel = "N", description = "VMs running at the same time (default: ${DEFAULT-VALUE}).")
    int vms = 2;

    @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
    Long seed;

    @Option(names = "--no-net", description = "VMs without a net device (no root needed; the ring attacks then hit no device).")
    boolean noNet;

    @Option(names = "--replay", paramLabel = "VMSEED",
            description = "Boot one VM with this guest seed (from a failure line) and print how it ended.")
    String replay;

    @Option(names = "--vm-timeout", paramLabel = "S", description = "Seconds a VM may run before it counts as a hang (default: ${DEFAULT-VALUE}).")
    int vmTimeout = 120;

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || vms < 1 || vmTimeout < 1) throw new UserError("--calls, --vms and --vm-timeout must be at least 1");
        if (!noNet && !NetworkNamespace.isRoot())
            throw new UserError("the hypercall fuzzer gives each VM a net device on a tap in a namespace of its own,"
                    + " which needs root; run as root or pass --no-net");
        var guest = KilnHome.guest("tests/hcfuzz.elf");
        Kvm kvm = Kvm.open();
        Duration timeout = Duration.ofSeconds(vmTimeout);
        if (replay != null) {
            long vmSeed;
            try {
                vmSeed = Long.parseUnsignedLong(replay);
            } catch (NumberFormatException e) {
                throw new UserError("--replay takes the unsigned decimal seed a failure line printed, not " + replay);
            }
            HypercallFuzzer.Outcome o = HypercallFuzzer.replay(kvm, guest, vmSeed, !noNet, timeout);
            String failure = o.monitorFailure();
            System.out.println("fuzz hypercalls replay " + Long.toUnsignedString(vmSeed) + ": "
                    + (failure != null ? "MONITOR CRASH: " + failure : o.exit().describe())
                    + (o.stats() != null ? " after " + o.stats().ioExits() + " port-I/O exits" : ""));
            return failure != null ? 1 : 0;
        }
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        HypercallFuzzer.Result r = HypercallFuzzer.run(kvm,
                new HypercallFuzzer.Options(guest, calls, vms, s, !noNet, timeout),
                line -> System.err.println("kiln: " + line));
        System.out.println(r.figures());
        boolean bad = r.monitorCrashes() > 0 || r.timedOut() > 0 || r.leaked();
        if (bad) System.err.println("kiln: fuzz hypercalls: FAILED (seed " + s + "); the lines above say which VM and how to replay it");
        return bad ? 1 : 0;
    }
}
