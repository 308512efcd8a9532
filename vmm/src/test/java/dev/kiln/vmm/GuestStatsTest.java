package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stats page of ABI 3 (docs/abi.md, "The stats page") with guest/tests/stats.c: what the
 * runtime's writer publishes is what Vm.guestStats() reads, without an exit; a hostile guest's
 * page gives that VM (and only it) "unavailable" with the reason, never an exception.
 */
class GuestStatsTest {
    /** A running VM of the stats guest in a mode; its console said "published". */
    private record Running(Vm vm, CompletableFuture<VmExit> exit, Guests.Console console) implements AutoCloseable {
        static Running start(String mode) throws InterruptedException {
            return start(mode, List.of());
        }

        static Running start(String mode, List<String> env) throws InterruptedException {
            Guests.Console console = new Guests.Console();
            Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("stats"), console).withArgs(List.of(mode)).withEnv(env));
            CompletableFuture<VmExit> exit = Guests.runInBackground(vm);
            console.await("published\n", exit);
            return new Running(vm, exit, console);
        }

        @Override
        public void close() {
            vm.stopGracefully(Duration.ofSeconds(Guests.HANG_GUARD_SECONDS));
            exit.join();
            vm.close();
        }
    }

    @Test
    void whatTheRuntimePublishesIsWhatTheMonitorReads() throws Exception {
        try (Running r = Running.start("good")) {
            GuestStats s = assertInstanceOf(GuestStats.Available.class, r.vm.guestStats(), r.console.text()).stats();
            // Two pauses, 1500 ns and 500 ns: the longest, one in [1, 2) us, one under 1 us.
            List<Long> buckets = new java.util.ArrayList<>(java.util.Collections.nCopies(Abi.STATS_GC_BUCKETS, 0L));
            buckets.set(0, 1L);
            buckets.set(1, 1L);
            assertEquals(new GuestStats(true, 2, 2000, 1000, 4096, 3, true, 2, 10, 1, 5, 7, 8, List.of(
                    new GuestStats.Metric("requests", GuestStats.Kind.COUNTER, 42),
                    new GuestStats.Metric("queue_depth", GuestStats.Kind.GAUGE, -3)),
                    new GuestStats.GcPauses(1500, buckets)), s);
            assertTrue(s.format().contains("gc pauses: longest 0.002 ms; <1us 1, 1-2us 1"), s.format());
            assertTrue(s.format().contains("metrics: requests=42 (counter) queue_depth=-3 (gauge)"), s.format());
        }
    }

    @Test
    void readingTheStatsCostsTheGuestNoExit() throws Exception {
        try (Running r = Running.start("busy")) {
            // The guest now spins without a hypercall, so its exit count is still unless a read made one.
            long before = r.vm.stats().exits();
            for (int i = 0; i < 1000; i++) {
                assertInstanceOf(GuestStats.Available.class, r.vm.guestStats());
            }
            assertEquals(before, r.vm.stats().exits());
        }
    }

    @Test
    void aGuestThatPublishedNothingHasNoStatistics() throws Exception {
        try (Running r = Running.start("nothing")) {
            assertEquals(new GuestStats.Unavailable("the guest has published no statistics"), r.vm.guestStats());
        }
    }

    @Test
    void withKilnStatsOffTheWriterLeavesThePageZero() throws Exception {
        // the guest calls every writer function (and aborts if one took effect); the page stays unpublished
        try (Running r = Running.start("off", List.of("KILN_STATS=off"))) {
            assertEquals(new GuestStats.Unavailable("the guest has published no statistics"), r.vm.guestStats(), r.console.text());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "odd      | inconsistent: the guest was writing its stats page during each of 16 reads",
            "magic    | invalid stats page: magic is 0xdeadbeef, not 0x5354534b",
            "count    | invalid stats page: metric_count is 4294967295; the table holds 60",
            "name     | invalid stats page: metric 0 has no valid name ([A-Za-z_][A-Za-z0-9_]*, 1..47 bytes, NUL-padded)",
            "dupe     | invalid stats page: metric name requests appears twice",
            "negative | invalid stats page: counter requests is negative",
            "kind     | invalid stats page: metric requests has kind 77",
            "heap     | invalid stats page: heap_used 8192 exceeds heap_limit 4096",
            "unsigned | invalid stats page: tcp_open is 18446744073709551615, above 2^63-1",
            "longest  | invalid stats page: gc_pause_max_ns is 18446744073709551615, above 2^63-1",
            "present  | invalid stats page: unknown bits in present: 0x00000087"})
    void aHostilePageMakesOnlyThatVmsFiguresUnavailable(String mode, String reason) throws Exception {
        try (Running good = Running.start("good"); Running hostile = Running.start(mode)) {
            assertEquals(new GuestStats.Unavailable(reason), hostile.vm.guestStats());
            GuestStats s = assertInstanceOf(GuestStats.Available.class, good.vm.guestStats()).stats();
            assertEquals(42, s.metric("requests").value());
        }
    }

    @Test
    void aPageRewrittenWithoutPauseNeverBreaksTheReader() throws Exception {
        try (Running r = Running.start("churn")) {
            int unavailable = 0;
            for (int i = 0; i < 2000; i++) {
                if (r.vm.guestStats() instanceof GuestStats.Unavailable) unavailable++;
            }
            assertEquals(2000, unavailable, "random bytes never make a valid page");
            // It never yields nor looks at the control page: the grace period ends it.
            assertInstanceOf(StopOutcome.Killed.class, r.vm.stopGracefully(Duration.ofMillis(100)));
        }
    }
}
