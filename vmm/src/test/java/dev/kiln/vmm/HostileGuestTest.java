package dev.kiln.vmm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * guest/tests/hostile.c hands the monitor bad hypercalls; each must end that VM with a clear
 * error while another VM in this JVM runs on undisturbed.
 */
class HostileGuestTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "console-ptr     | console_write: buffer 0xdead00000000",
            "console-len     | console_write: length 67108864 is above the maximum",
            "console-wrap    | console_write: buffer 0xfffffffffffffff0",
            "console-huge    | above the maximum",
            "block-outside   | console_write: argument block 0xfffffff0",
            "block-straddle  | walltime: argument block",
            "block-unaligned | not 8-byte aligned",
            "exit-block      | exit: argument block 0xfffffff8",
            "walltime-block  | walltime: argument block 0x4000000",
            "walltime-pagetable | walltime: argument block 0x1000",
            "yield-block     | yield: argument block 0xfffffff0",
            "abort-ptr       | abort: message 0x7fff00000000",
            "unknown-port    | unknown port 0x57f",
            "byte-out        | 1-byte access",
            "port-in         | IN from port 0x503",
    })
    void attackEndsOnlyThatVm(String attack, String expected) throws Exception {
        // A well-behaved VM runs concurrently on another thread and must finish normally.
        CompletableFuture<Guests.Run> neighbour = CompletableFuture.supplyAsync(() -> Guests.boot("sleep", "30"));
        Guests.Run r = Guests.boot("hostile", attack);
        VmExit.GuestError e = assertInstanceOf(VmExit.GuestError.class, r.exit(), r.console());
        assertTrue(e.message().contains(expected), "message: " + e.message());
        assertEquals(159, e.exitStatus());
        assertTrue(!r.console().contains("survived"), r.console());
        Guests.Run n = neighbour.get(Guests.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertEquals(new VmExit.Exited(0), n.exit(), n.console());
        assertTrue(n.console().contains("slept_ns="), n.console());
    }

    /** The ABI truncates abort messages to KILN_ABORT_MESSAGE_MAX: a huge length is not an error. */
    @Test
    void abortWithAHugeLengthIsTruncated() {
        Guests.Run r = Guests.boot("hostile", "abort-len");
        VmExit.Aborted a = assertInstanceOf(VmExit.Aborted.class, r.exit(), r.console());
        assertEquals(4096 * 4, a.message().length(), "4096 NUL bytes, each escaped as \\x00");
    }

    @Test
    void touchingMemoryBeyondTheEndCrashes() {
        CrashReport c = VmTest.crash(Guests.boot("hostile", "mmio"));
        assertTrue(c.hint().contains("beyond guest memory"), c.format());
    }

    @Test
    void hugeYieldIsStoppedByTheTimeout() {
        Guests.Run r = Guests.bootBounded(VmConfig.of(Guests.image("hostile"), OutputStream.nullOutputStream())
                .withArgs(List.of("yield-forever")).withTimeout(Duration.ofMillis(300)));
        assertEquals(new VmExit.TimedOut(Duration.ofMillis(300)), r.exit());
        assertTrue(r.nanos() >= 300_000_000L, "timed out early, after " + r.nanos() + " ns");
        assertEquals(1, r.stats().yieldCalls(), "the timeout ended the one yield: " + r.stats().format());
    }

    @Test
    void hostileVmBeingStoppedWhileAnotherCompletes() throws Exception {
        Vm hostile = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("hostile"), OutputStream.nullOutputStream())
                .withArgs(List.of("yield-forever")));
        try (hostile) {
            CompletableFuture<VmExit> h = Guests.runInBackground(hostile);
            Guests.Run other = Guests.boot("bootinfo");
            assertEquals(new VmExit.Exited(0), other.exit(), other.console());
            assertTrue(!h.isDone(), "the hostile VM should still be yielding");
            hostile.stop("operator");
            assertEquals(new VmExit.Stopped("operator"), h.get(Guests.HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        }
    }
}
