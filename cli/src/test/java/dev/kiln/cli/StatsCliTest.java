package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.cli.engine.VmRates;
import dev.kiln.engine.api.ApiJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `kiln stats` and `kiln top` against `kiln daemon` as a real process with real VMs: a guest
 * that spins (spin.c) and one that sleeps between lines (ticker.c). Nothing here bounds a rate
 * or a duration: a spinning guest must show vCPU time between two readings, however slow the
 * host; which of two VMs is busier is never asserted, only that top's list is in order.
 */
class StatsCliTest {
    static DaemonProcess d;

    @BeforeAll
    static void start() throws Exception {
        d = new DaemonProcess().start();
        ok("run", "-d", "--name", "spinner", "--mem", "32", guest("spin"));
        ok("run", "-d", "--name", "idle", "--mem", "48", guest("ticker"), "--", "1000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    static String guest(String name) {
        return KilnProcess.guest("tests/" + name + ".elf").toString();
    }

    private static KilnProcess ok(String... args) throws Exception {
        KilnProcess r = d.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r);
        return r;
    }

    private static List<VmRates> json(KilnProcess r) throws Exception {
        List<VmRates> out = new ArrayList<>();
        for (String line : r.stdout().lines().toList()) out.add(ApiJson.mapper().readValue(line, VmRates.class));
        return out;
    }

    private static VmRates named(List<VmRates> vms, String name) {
        return vms.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + vms));
    }

    @Test
    void noStreamPrintsOneTableOfTheRunningVms() throws Exception {
        KilnProcess r = ok("stats", "--no-stream");
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.getFirst().matches("NAME +CPU % +MEM TOUCHED / LIMIT +MEM % +NET I/O +EXITS/S +GC PAUSE"), r.stdout());
        assertEquals(3, lines.size(), "a header and two VMs, once:\n" + r.stdout());
        String spinner = lines.stream().filter(l -> l.startsWith("spinner ")).findFirst().orElseThrow(() -> new AssertionError(r.stdout()));
        String idle = lines.stream().filter(l -> l.startsWith("idle ")).findFirst().orElseThrow(() -> new AssertionError(r.stdout()));
        // CPU %, touched / limit (the VM's --mem), MEM %, no net device, exits/s, no stats page in a C guest
        String row = "VM +[0-9]+\\.[0-9]{2}% +[0-9.]+(B|KiB|MiB) / LIMIT +[0-9]+\\.[0-9]{2}% +-- +[0-9]+ +--";
        assertTrue(spinner.matches(row.replace("VM", "spinner").replace("LIMIT", "32MiB")), spinner);
        assertTrue(idle.matches(row.replace("VM", "idle").replace("LIMIT", "48MiB")), idle);
    }

    @Test
    void jsonGivesTheRawDeltasAndASpinningGuestUsesItsVcpu() throws Exception {
        List<VmRates> vms = json(ok("stats", "--no-stream", "--format", "json", "spinner"));
        assertEquals(1, vms.size(), "only the VM named: " + vms);
        VmRates s = named(vms, "spinner");
        assertEquals(32L << 20, s.memoryLimitBytes());
        assertNotNull(s.memoryTouchedBytes(), s.toString());
        assertTrue(s.memoryTouchedBytes() > 0 && s.memoryTouchedBytes() <= s.memoryLimitBytes(), s.toString());
        assertTrue(s.intervalNanos() > 0, s.toString());
        assertNotNull(s.vcpuNanos(), "vCPU time is measured on this JVM: " + s);
        assertTrue(s.vcpuNanos() > 0, "a guest that never stops spinning used its vCPU between two readings: " + s);
        assertEquals(100.0 * s.vcpuNanos() / s.intervalNanos(), s.cpuPercent(), 1e-9, s.toString());
        assertNull(s.netRxBytes(), "no net device: " + s);
        assertNull(s.gcPauseMsPerSecond(), "a C guest publishes no runtime figures: " + s);
    }

    @Test
    void anUnknownNameIsAnErrorNamingIt() throws Exception {
        KilnProcess r = d.kiln("stats", "--no-stream", "idle", "nosuch");
        assertEquals(1, r.exitStatus(), r.toString());
        assertEquals("kiln: error: no such VM: nosuch\n", r.stderr());
        assertEquals("", r.stdout());
        KilnProcess format = d.kiln("stats", "--no-stream", "--format", "yaml");
        assertEquals(125, format.exitStatus(), format.toString());
        assertTrue(format.stderr().contains("--format takes table or json, not 'yaml'"), format.stderr());
    }

    @Test
    void topListsTheBusiestFirstAndStopsAtN() throws Exception {
        List<VmRates> all = json(ok("top", "--format", "json"));
        named(all, "spinner");
        named(all, "idle");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).cpuPercent() >= all.get(i).cpuPercent(), "busiest first: " + all);
        }
        KilnProcess one = ok("top", "-n", "1");
        List<String> lines = one.stdout().lines().toList();
        assertEquals(2, lines.size(), one.stdout());
        assertTrue(lines.getFirst().startsWith("NAME "), one.stdout());
        KilnProcess zero = d.kiln("top", "-n", "0");
        assertEquals(125, zero.exitStatus(), zero.toString());
    }

    @Test
    void aVmThatEndsWhileStreamingLeavesTheTable() throws Exception {
        ok("run", "-d", "--name", "passing", guest("ticker"), "--", "1000");
        ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln("stats")).redirectErrorStream(true);
        pb.environment().putAll(d.env());
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        Process p = pb.start();
        try {
            ProcessOutput out = new ProcessOutput(p, "stats-stream");
            assertNull(out.await("\npassing ", 60_000));
            ok("kill", "passing");
            // The first table printed after the kill may come from a reading taken before it; the one after cannot.
            int mark = out.text().length();
            assertNull(out.await("NAME ", mark, 60_000));
            int first = out.text().indexOf("NAME ", mark);
            assertNull(out.await("NAME ", first + 1, 60_000));
            int second = out.text().indexOf("NAME ", first + 1);
            assertNull(out.await("\n\n", second, 60_000));
            String table = out.text().substring(second, out.text().indexOf("\n\n", second));
            assertTrue(table.contains("\nspinner "), table);
            assertFalse(table.contains("passing"), "the VM ended, so it left the table:\n" + table);
            assertTrue(p.isAlive(), "stats goes on until Ctrl-C:\n" + out.text());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
