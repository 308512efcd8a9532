package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.CreateResponse;
import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.api.WaitResponse;
import dev.kiln.engine.client.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every lifecycle route against a real daemon with real VMs (the C test guests). */
class LifecycleTest {
    static TestDaemon d;

    @BeforeAll
    static void start() throws Exception {
        d = TestDaemon.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    @Test
    void createStartLogsStopKillRestartWaitRemove() throws Exception {
        try (var events = d.events()) {
            CreateResponse created = d.client.create(TestDaemon.request("ticker1", "ticker", List.of("20")));
            assertTrue(created.id().matches("[0-9a-f]{64}"), created.id());
            assertEquals("ticker1", created.name());
            events.take("create", "ticker1");
            assertEquals(VmStatus.CREATED, d.client.inspect("ticker1").state().status());
            assertTrue(d.client.list(false).stream().noneMatch(v -> v.name().equals("ticker1")), "ps without -a shows running VMs only");
            assertTrue(d.client.list(true).stream().anyMatch(v -> v.name().equals("ticker1")));

            d.client.start("ticker1");
            events.take("start", "ticker1");
            VmSummary s = d.client.list(false).stream().filter(v -> v.name().equals("ticker1")).findFirst().orElseThrow();
            assertEquals(VmStatus.RUNNING, s.status());
            ApiException again = assertThrows(ApiException.class, () -> d.client.start("ticker1"));
            assertEquals(409, again.status());
            assertTrue(again.getMessage().contains("already running"), again.getMessage());

            // follow the log until the third tick: the guest's own lines, in order
            List<String> lines = new ArrayList<>();
            d.client.logs(created.id().substring(0, 10), true, null, null, e -> {
                if (e.stream().equals("console")) lines.add(e.log());
                return lines.size() < 3;
            });
            assertEquals(List.of("tick 1\n", "tick 2\n", "tick 3\n"), lines);

            VmDetails running = d.client.inspect("ticker1");
            assertTrue(running.counters().exits() > 0, "a running VM shows its monitor counters");

            StopResponse stopped = d.client.stop("ticker1", 0);
            assertEquals(StopResponse.Outcome.KILLED, stopped.outcome(), stopped.toString());
            assertEquals(137, stopped.exitCode());
            assertTrue(stopped.message().contains("killed after the 0 s grace period"), stopped.message());
            events.take("die", "ticker1");
            VmDetails after = d.client.inspect("ticker1");
            assertEquals(VmStatus.EXITED, after.state().status());
            assertEquals(137, after.state().exitCode());
            assertTrue(after.state().stoppedByUser());
            assertEquals(1, after.state().exits().size());
            assertEquals(StopResponse.Outcome.NOT_RUNNING, d.client.stop("ticker1", 0).outcome());

            d.client.start("ticker1");
            d.client.kill("ticker1", "KILL");
            WaitResponse w = d.client.await("ticker1", null);
            assertEquals(137, w.exitCode());
            assertTrue(w.exit().contains("killed by SIGKILL"), w.exit());
            ApiException term = assertThrows(ApiException.class, () -> d.client.kill("ticker1", "TERM"));
            assertEquals(400, term.status());
            ApiException notRunning = assertThrows(ApiException.class, () -> d.client.kill("ticker1", "KILL"));
            assertEquals(409, notRunning.status());

            StopResponse restarted = d.client.restart("ticker1", 0);
            assertEquals(StopResponse.Outcome.NOT_RUNNING, restarted.outcome());
            assertEquals(VmStatus.RUNNING, d.client.inspect("ticker1").state().status());
            ApiException busy = assertThrows(ApiException.class, () -> d.client.remove("ticker1", false));
            assertEquals(409, busy.status());
            d.client.remove("ticker1", true);
            events.take("destroy", "ticker1");
            ApiException gone = assertThrows(ApiException.class, () -> d.client.inspect("ticker1"));
            assertEquals(404, gone.status());
            assertEquals("no such VM: ticker1", gone.getMessage());
        }
    }

    @Test
    void aGuestThatEndsByItselfWithinTheGracePeriodIsReportedAsExited() throws Exception {
        // ticks 40 times every 50 ms, then exits 3; stop with a long grace waits for that end
        d.client.create(TestDaemon.request("finisher", "ticker", List.of("50", "40", "3")));
        d.client.start("finisher");
        StopResponse r = d.client.stop("finisher", 600);
        assertEquals(StopResponse.Outcome.EXITED, r.outcome(), r.toString());
        assertEquals(3, r.exitCode());
        WaitResponse w = d.client.await("finisher", null);
        assertEquals(3, w.exitCode());
        assertEquals("exited with status 3", w.exit());
        d.client.remove("finisher", false);
    }

    @Test
    void waitReturnsTheExitCodeOfTheRun() throws Exception {
        d.client.create(TestDaemon.request("fortytwo", "exit42", List.of()));
        d.client.start("fortytwo");
        assertEquals(42, d.client.await("fortytwo", null).exitCode());
        VmDetails v = d.client.inspect("fortytwo");
        assertEquals(42, v.state().exitCode());
        assertEquals("exited with status 42", v.state().exit());
        assertFalse(v.state().stoppedByUser());
        assertNull(v.counters(), "no counters once it ended");
        d.client.remove("fortytwo", false);
    }

    @Test
    void aCrashIsRecordedWithItsReport() throws Exception {
        d.client.create(TestDaemon.request("crasher", "nullderef", List.of()));
        d.client.start("crasher");
        assertEquals(139, d.client.await("crasher", null).exitCode());
        VmDetails v = d.client.inspect("crasher");
        assertTrue(v.state().exit().startsWith("crashed: "), v.state().exit());
        String report = v.state().exits().getLast().crashReport();
        assertTrue(report.contains("null pointer dereference") && report.contains("rip"), report);
        List<String> kiln = new ArrayList<>();
        d.client.logs("crasher", false, null, null, e -> kiln.add(e.stream() + ":" + e.log()));
        assertTrue(kiln.stream().anyMatch(l -> l.startsWith("kiln:") && l.contains("null pointer dereference")), kiln.toString());
        d.client.remove("crasher", false);
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() throws Exception {
        d.client.create(TestDaemon.request("taken", "hello", List.of()));
        ApiException dup = assertThrows(ApiException.class, () -> d.client.create(TestDaemon.request("taken", "hello", List.of())));
        assertEquals(409, dup.status());
        assertTrue(dup.getMessage().contains("already used"), dup.getMessage());
        ApiException missing = assertThrows(ApiException.class, () -> d.client.create(
                new CreateRequest("nope", "/no/such/image.elf", List.of(), List.of(), null, List.of(), null, null)));
        assertEquals(400, missing.status());
        assertEquals("no such image: /no/such/image.elf", missing.getMessage());
        ApiException notElf = assertThrows(ApiException.class, () -> d.client.create(
                new CreateRequest("nope", "/etc/hostname", List.of(), List.of(), null, List.of(), null, null)));
        assertEquals(400, notElf.status());
        ApiException none = assertThrows(ApiException.class, () -> d.client.inspect("nosuchvm"));
        assertEquals(404, none.status());
        d.client.remove("taken", false);
    }

    @Test
    void aStartThatFailsSaysWhyAndIsRecorded() throws Exception {
        assertTrue(dev.kiln.engine.EnginePaths.isRoot(), "prerequisite missing: publishing ports needs root");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            d.client.create(new CreateRequest("portclash", TestDaemon.guest("ticker").toString(), List.of(), List.of(), 8,
                    List.of(new dev.kiln.engine.api.PortMapping(port, 80)), dev.kiln.engine.api.RestartPolicy.parse("always"), null));
            ApiException e = assertThrows(ApiException.class, () -> d.client.start("portclash"));
            assertEquals(409, e.status());
            assertTrue(e.getMessage().startsWith("cannot start VM portclash: cannot publish: 127.0.0.1:" + port + " is in use"),
                    e.getMessage());
            VmDetails v = d.client.inspect("portclash");
            assertEquals(VmStatus.EXITED, v.state().status(), "a failed start a user asked for is not retried by the policy");
            assertEquals(125, v.state().exitCode());
            assertTrue(v.state().exit().startsWith("could not start: cannot publish"), v.state().exit());
        }
        d.client.start("portclash"); // the port is free now
        assertEquals(VmStatus.RUNNING, d.client.inspect("portclash").state().status());
        d.client.remove("portclash", true);
    }
}
