package dev.kiln.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.vmm.VmExit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A bounded run of the hypercall fuzzer (kiln fuzz hypercalls makes millions of calls): two VMs at
 * a time, each with a net device, a fresh seed every run (printed, so a failure replays).
 */
class HypercallFuzzerTest {
    @Test
    void randomHypercallsNeverCrashTheMonitorNorLeak() throws Exception {
        Prerequisites.root();
        long seed = ThreadLocalRandom.current().nextLong();
        List<String> progress = new ArrayList<>();
        HypercallFuzzer.Result r = HypercallFuzzer.run(Prerequisites.kvm(),
                new HypercallFuzzer.Options(Prerequisites.guest("hcfuzz"), 40_000, 2, seed, true, Duration.ofSeconds(120)),
                line -> {
                    progress.add(line);
                    System.out.println("[fuzz] " + line);
                });
        System.out.println("[fuzz] " + r.figures());
        String context = "seed " + seed + "\n" + String.join("\n", r.failures());
        assertEquals(0, r.monitorCrashes(), context);
        assertEquals(0, r.timedOut(), context);
        assertEquals(0, r.crashed(), context);
        assertTrue(r.calls() >= 40_000, r.figures());
        assertTrue(r.status159() > 10, "most VMs end on a refused call: " + r.figures());
        assertTrue(r.netFramesOut() > 0 && r.netFramesIn() > 0, "frames went both ways: " + r.figures());
        assertEquals(r.before().fds(), r.after().fds(), "file descriptors: " + r.figures());
        assertEquals(r.before().kilnThreads(), r.after().kilnThreads(), "kiln threads: " + r.figures());
        // Resident memory outside the JVM's pools: a leak of what a VM holds (16 MiB of guest memory
        // each, about 200 VMs here) is far beyond the tolerance.
        assertTrue(r.after().outsideJvmPoolsKib() - r.before().outsideJvmPoolsKib() <= HypercallFuzzer.RSS_TOLERANCE_KIB,
                r.figures());
    }

    /** A VM seed replays: the same guest, the same seed, a VM that ends the way the ABI says. */
    @Test
    void aSeedReplaysWithoutANetDevice() throws Exception {
        HypercallFuzzer.Outcome o = HypercallFuzzer.replay(Prerequisites.kvm(), Prerequisites.guest("hcfuzz"),
                HypercallFuzzer.vmSeed(42, 7), false, Duration.ofSeconds(120));
        assertEquals(null, o.monitorFailure());
        assertTrue(o.exit() instanceof VmExit.GuestError || o.exit() instanceof VmExit.Exited
                || o.exit() instanceof VmExit.Aborted, String.valueOf(o.exit()));
        assertTrue(o.stats().ioExits() > 0);
    }
}
