package dev.kiln.vmm;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graceful stop of ABI 3 (docs/abi.md, "Stopping") with the C guest guest/tests/stop.c and the
 * spinning guest: a guest that obeys stops by itself, one that ignores the request and one that
 * never yields are destroyed after the grace period. (A guest writing the control page faults:
 * MemoryProtectionTest.controlPageIsReadableButNotWritable.) The waits are for events (a console
 * line, the VM's end); a grace period is a lower bound on waiting, never asserted as an upper one.
 */
class GuestStopTest {
    @Test
    void aGuestThatObeysStopsByItselfWithinTheGrace() throws Exception {
        Guests.Console console = new Guests.Console();
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("stop"), console).withArgs(List.of("obey")))) {
            CompletableFuture<VmExit> exit = Guests.runInBackground(vm);
            console.await("waiting\n", exit); // the guest sleeps in a yield of 1 s now, and again
            StopOutcome outcome = vm.stopGracefully(Duration.ofSeconds(Guests.HANG_GUARD_SECONDS));
            StopOutcome.StoppedByGuest s = assertInstanceOf(StopOutcome.StoppedByGuest.class, outcome, console.text());
            assertEquals(new VmExit.Exited(7), s.exit());
            assertEquals(new VmExit.Exited(7), exit.get(Guests.HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            assertTrue(console.text().contains("stop bit, stop_requested=1\n"), console.text());
            assertTrue(outcome.describe().startsWith("stopped by the guest after "), outcome.describe());
            assertFalse(vm.requestStop(), "a second request is not a new one");
        }
    }

    @Test
    void aGuestThatIgnoresTheRequestIsKilledAfterTheGraceAndSeesTheBitOnce() throws Exception {
        Guests.Console console = new Guests.Console();
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("stop"), console).withArgs(List.of("ignore")))) {
            CompletableFuture<VmExit> exit = Guests.runInBackground(vm);
            console.await("waiting\n", exit);
            long yieldsBefore = vm.stats().yieldCalls();
            StopOutcome outcome = vm.stopGracefully(Duration.ofMillis(500));
            StopOutcome.Killed k = assertInstanceOf(StopOutcome.Killed.class, outcome, console.text());
            assertEquals(new VmExit.Stopped("killed after the 0.5 s grace period"), k.exit());
            assertEquals(143, k.exit().exitStatus());
            assertEquals("killed after the 0.5 s grace period", outcome.describe());
            // It went on yielding (10 ms each) through the grace period, and only one yield reported the bit.
            assertTrue(vm.stats().yieldCalls() > yieldsBefore + 1, vm.stats().format());
            assertEquals(1, console.text().split("stop bit", -1).length - 1, console.text());
            assertTrue(console.text().contains("stop bit, stop_requested=1\n"), console.text());
        }
    }

    @Test
    void aBusyGuestThatNeverYieldsIsKilledAfterTheGrace() throws Exception {
        Guests.Console console = new Guests.Console();
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), console))) {
            CompletableFuture<VmExit> exit = Guests.runInBackground(vm);
            console.await("spinning\n", exit);
            StopOutcome outcome = vm.stopGracefully(Duration.ofMillis(200));
            assertInstanceOf(StopOutcome.Killed.class, outcome);
            assertEquals(new VmExit.Stopped("killed after the 0.2 s grace period"),
                    exit.get(Guests.HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRequestAfterCloseIsRefusedAndTouchesNothing() {
        // A caller's signal handler may ask after the VM ended and was closed (kiln-oci's monitor
        // did): the control page is then another VM's or unmapped, and writing it crashed the JVM.
        Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), OutputStream.nullOutputStream()));
        vm.close();
        assertFalse(vm.requestStop(), "a closed VM took a stop request");
    }

    @Test
    void aVmThatNeverRanIsStoppedAtOnce() {
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), OutputStream.nullOutputStream()))) {
            StopOutcome outcome = vm.stopGracefully(Duration.ofSeconds(Guests.HANG_GUARD_SECONDS));
            assertInstanceOf(StopOutcome.Killed.class, outcome);
            assertInstanceOf(VmExit.Stopped.class, vm.run());
        }
    }

    @Test
    void secondsAreWrittenShort() {
        assertEquals("0.2", StopOutcome.seconds(Duration.ofMillis(200)));
        assertEquals("10", StopOutcome.seconds(Duration.ofSeconds(10)));
        assertEquals("1.3", StopOutcome.seconds(Duration.ofMillis(1250)));
        assertEquals("0.01", StopOutcome.seconds(Duration.ofMillis(12)));
        assertEquals("0.003", StopOutcome.seconds(Duration.ofMillis(3)));
        assertEquals("0", StopOutcome.seconds(Duration.ZERO));
    }
}
