package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.api.Event;
import dev.kiln.engine.api.RestartPolicy;
import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.CreateRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restart policies on real VMs: a guest that fails at once (exit42) restarts with Docker's
 * backoff and on-failure:3 gives up after three restarts; the gaps between a run's end and
 * the next start are at least the backoff (100, 200, 400 ms), so a crash loop never spins.
 */
class RestartPolicyTest {
    static TestDaemon d;

    @BeforeAll
    static void start() throws Exception {
        d = TestDaemon.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    private static CreateRequest failing(String name, String policy) {
        return new CreateRequest(name, TestDaemon.guest("exit42").toString(), List.of(), List.of(), 8, List.of(),
                RestartPolicy.parse(policy), null);
    }

    @Test
    void onFailure3RestartsThreeTimesWithGrowingGapsThenStaysDown() throws Exception {
        try (var events = d.events()) {
            d.client.create(failing("crashloop", "on-failure:3"));
            d.client.start("crashloop");
            List<Event> starts = new ArrayList<>(), dies = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                starts.add(events.take("start", "crashloop"));
                dies.add(events.take("die", "crashloop"));
                assertEquals("42", dies.getLast().attributes().get("exitCode"));
            }
            for (int restart = 1; restart <= 3; restart++) {
                assertEquals(String.valueOf(restart), starts.get(restart).attributes().get("restartCount"));
                Duration gap = Duration.between(dies.get(restart - 1).time(), starts.get(restart).time());
                long backoff = 100L << (restart - 1);
                assertTrue(gap.toMillis() >= backoff, "restart " + restart + " came " + gap.toMillis()
                        + " ms after the exit, before its backoff of " + backoff + " ms");
            }
            // inspect waits for the exit to be recorded: after the fourth exit it stays down
            VmDetails v = d.client.inspect("crashloop");
            assertEquals(VmStatus.EXITED, v.state().status());
            assertEquals(3, v.state().restartCount());
            assertEquals(4, v.state().exits().size());
            for (var exit : v.state().exits()) assertEquals(42, exit.exitCode());
            assertEquals(List.of(0, 1, 2, 3), v.state().exits().stream().map(e -> e.restartCount()).toList());
            List<String> kiln = new ArrayList<>();
            d.client.logs("crashloop", false, null, null, e -> kiln.add(e.log()));
            assertTrue(kiln.contains("kiln: restarting in 400 ms (restart 3 of 3, policy on-failure:3)\n"), kiln.toString());
            // a user start resets the count and the backoff
            d.client.start("crashloop");
            events.take("die", "crashloop");
            Event restartAgain = events.take("start", "crashloop");
            assertEquals("1", restartAgain.attributes().get("restartCount"));
            d.client.remove("crashloop", true);
        }
    }

    @Test
    void stopCancelsAPendingRestart() throws Exception {
        try (var events = d.events()) {
            d.client.create(failing("looper", "always"));
            d.client.start("looper");
            events.take("die", "looper");
            // between runs the VM is restarting or already running again: stop ends it either way
            StopResponse r = d.client.stop("looper", 0);
            assertTrue(r.outcome() == StopResponse.Outcome.RESTART_CANCELLED || r.outcome() == StopResponse.Outcome.KILLED
                    || r.outcome() == StopResponse.Outcome.EXITED, r.toString());
            VmDetails v = d.client.inspect("looper");
            assertEquals(VmStatus.EXITED, v.state().status());
            assertTrue(v.state().stoppedByUser());
            int runs = v.state().exits().size();
            // nothing restarts it now: a later VM's full life passes, and looper has had no new run
            d.client.create(TestDaemon.request("bystander", "exit42", List.of()));
            d.client.start("bystander");
            d.client.await("bystander", null);
            d.client.await("bystander", null);
            assertEquals(runs, d.client.inspect("looper").state().exits().size());
            assertEquals(VmStatus.EXITED, d.client.inspect("looper").state().status());
            d.client.remove("looper", false);
            d.client.remove("bystander", false);
        }
    }
}
