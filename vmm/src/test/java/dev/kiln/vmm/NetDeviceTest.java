package dev.kiln.vmm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The net device end to end on real KVM and a real tap: guest/tests/netecho.c answers ARP
 * and ping through the rings; guest/tests/nethostile.c breaks the ring protocol, which must
 * end only that VM (or drop the frame) while a healthy VM keeps answering pings.
 */
class NetDeviceTest {
    private static final Pattern RECEIVED = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    @BeforeAll
    static void prerequisites() {
        NetTestbed.requirePrerequisites("ip", "ping");
    }

    @Test
    void pingReachesTheGuestThroughTheRingsWithFewExits() throws Exception {
        try (NetTestbed bed = new NetTestbed()) {
            NetTestbed.Running vm = bed.start("netecho", Duration.ofSeconds(120), "110");
            try {
                awaitConsole(vm, "netecho up");
                String ping = bed.ns.exec(30, "ping", "-c", "5", "-i", "0.2", "-W", "5", bed.guestIp);
                assertEquals(5, received(ping), ping);

                // Load: ping -f with 16 requests in flight. Every frame either way is counted.
                VmStats before = vm.vm.stats();
                String flood = bed.ns.exec(90, "ping", "-f", "-l", "16", "-c", "5000", "-w", "60", "-q", bed.guestIp);
                VmStats after = vm.vm.stats();
                long frames = after.net().rxFrames() + after.net().txFrames() - before.net().rxFrames()
                        - before.net().txFrames();
                long exits = after.exits() - before.exits();
                double perFrame = (double) exits / frames;
                System.out.printf("[net] ping flood: %d of 5000 echoed; %d frames, %d exits (%d yields, %d notifies):"
                                + " %.3f exits per frame; %s%n", received(flood), frames, exits,
                        after.yieldCalls() - before.yieldCalls(), after.notifyCalls() - before.notifyCalls(), perFrame,
                        flood.strip().replace('\n', ' '));
                System.out.print("[net] " + after.format());
                assertTrue(received(flood) >= 4900, flood);
                assertTrue(frames >= 2 * 4900, "frames counted: " + frames);
                assertTrue(perFrame < 1.0, "exits per frame under load: " + perFrame);
            } finally {
                vm.vm.stop("test over");
                VmExit exit = vm.exit.get(10, TimeUnit.SECONDS);
                vm.vm.close();
                assertInstanceOf(VmExit.Stopped.class, exit, exit.describe() + "\n" + vm.console());
            }
        }
    }

    @Test
    void aVmWithoutNetDeviceSeesNone() {
        Guests.Run r = Guests.boot("netecho", "1");
        assertEquals(new VmExit.Exited(3), r.exit(), r.console());
        assertTrue(r.console().contains("netecho: no network"), r.console());
        assertNull(r.stats().net());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "avail-jump     | net tx ring: available index 1000 is 1000 ahead",
            "head           | net tx ring: available slot 0 names descriptor 4000",
            "tx-addr-low    | net tx descriptor 0: buffer 0x1000 (+60 bytes) is not in guest readable memory",
            "tx-addr-wrap   | net tx descriptor 0: buffer 0xfffffffffffffff0",
            "tx-addr-beyond | is not in guest readable memory",
            "tx-flags       | net tx descriptor 0: flags 0x1, expected 0x0",
            "rx-flags       | net rx descriptor 0: flags 0x0, expected 0x2",
            "rx-short       | net rx descriptor 0: buffer of 100 bytes is shorter than a frame (1514)",
            "rx-readonly    | is not in guest writable memory",
            "rx-bootinfo    | net rx descriptor 0: buffer 0x4000",
            "notify-mask    | net_notify: queue mask 0x4",
    })
    void ringAttackEndsOnlyThatVm(String attack, String expected) throws Exception {
        try (NetTestbed healthy = new NetTestbed(); NetTestbed victim = new NetTestbed()) {
            NetTestbed.Running good = healthy.start("netecho", Duration.ofSeconds(60), "50");
            try {
                awaitConsole(good, "netecho up");
                NetTestbed.Running bad = victim.start("nethostile", Duration.ofSeconds(20), attack);
                VmExit exit = bad.exit.get(30, TimeUnit.SECONDS);
                bad.vm.close();
                VmExit.GuestError error = assertInstanceOf(VmExit.GuestError.class, exit, exit.describe());
                assertTrue(error.message().contains(expected), error.message());
                assertEquals(159, exit.exitStatus());
                String ping = healthy.ns.exec(30, "ping", "-c", "2", "-W", "5", healthy.guestIp);
                assertEquals(2, received(ping), "the healthy VM after " + attack + ": " + ping);
            } finally {
                good.vm.stop("test over");
                good.exit.get(10, TimeUnit.SECONDS);
                good.vm.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tx-giant, 0, 1", "tx-zero, 0, 1", "used-scribble, 1, 0"})
    void badFramesAreDroppedAndTheVmCarriesOn(String attack, long sent, long dropped) throws Exception {
        try (NetTestbed bed = new NetTestbed()) {
            NetTestbed.Running vm = bed.start("nethostile", Duration.ofSeconds(20), attack);
            VmExit exit = vm.exit.get(30, TimeUnit.SECONDS);
            VmStats stats = vm.vm.stats();
            vm.vm.close();
            assertEquals(new VmExit.Exited(0), exit, exit.describe() + " " + vm.console());
            assertTrue(vm.console().contains("survived"), vm.console());
            assertNotNull(stats.net());
            assertEquals(sent, stats.net().txFrames(), stats.format());
            assertEquals(dropped, stats.net().txDropped(), stats.format());
        }
    }

    private static int received(String pingOutput) {
        Matcher m = RECEIVED.matcher(pingOutput);
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    private static void awaitConsole(NetTestbed.Running vm, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!vm.console().contains(text)) {
            if (vm.exit.isDone()) throw new AssertionError("VM ended: " + vm.exit.get().describe() + " " + vm.console());
            if (System.nanoTime() > deadline) throw new AssertionError("no \"" + text + "\" in: " + vm.console());
            Thread.sleep(20);
        }
    }
}
