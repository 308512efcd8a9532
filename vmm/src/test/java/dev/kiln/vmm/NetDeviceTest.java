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
        NetTestbed.requirePrerequisites("ip", "ping", "tc");
    }

    @Test
    void pingReachesTheGuestThroughTheRingsWithFewExits() throws Exception {
        try (NetTestbed bed = new NetTestbed()) {
            // The guest runs until stopped (600 s is only its hang guard): how long the pings take is not judged.
            NetTestbed.Running vm = bed.start("netecho", Duration.ofSeconds(660), "600");
            try {
                awaitConsole(vm, "netecho up");
                // -w: ping waits for every reply however late (without it, it gives up two round trips
                // after its last request, and a descheduled moment reads as loss).
                String ping = bed.ns.exec(90, "ping", "-c", "5", "-i", "0.2", "-w", "60", bed.guestIp);
                assertEquals(5, received(ping), ping);

                // One echo at a time (no load): one exit per round trip at most, plus yields that time out.
                VmStats s0 = vm.vm.stats();
                String paced = bed.ns.exec(150, "ping", "-c", "200", "-i", "0.01", "-w", "120", "-q", bed.guestIp);
                VmStats s1 = vm.vm.stats();
                long pacedFrames = s1.net().rxFrames() + s1.net().txFrames() - s0.net().rxFrames() - s0.net().txFrames();
                System.out.printf("[net] ping -i 0.01: %d of 200 echoed; %d frames, %d exits: %.3f exits per frame%n",
                        received(paced), pacedFrames, s1.exits() - s0.exits(), (double) (s1.exits() - s0.exits()) / pacedFrames);
                assertEquals(200, received(paced), paced);

                // Load: ping -f with 16 requests in flight. Every frame either way is counted. 70,000
                // echoes: both rings' 16-bit indices wrap around (65,536) during the run.
                VmStats before = vm.vm.stats();
                String flood = bed.ns.exec(330, "ping", "-f", "-l", "16", "-c", "70000", "-w", "300", "-q", bed.guestIp);
                VmStats after = vm.vm.stats();
                long frames = after.net().rxFrames() + after.net().txFrames() - before.net().rxFrames()
                        - before.net().txFrames();
                long exits = after.exits() - before.exits();
                double perFrame = (double) exits / frames;
                System.out.printf("[net] ping flood: %d of 70000 echoed; %d frames, %d exits (%d yields, %d notifies):"
                                + " %.3f exits per frame; %s%n", received(flood), frames, exits,
                        after.yieldCalls() - before.yieldCalls(), after.notifyCalls() - before.notifyCalls(), perFrame,
                        flood.strip().replace('\n', ' '));
                System.out.print("[net] " + after.format());
                assertTrue(received(flood) >= 69000, flood);
                assertTrue(frames >= 2 * 69000, "frames counted: " + frames);
                assertTrue(perFrame < 1.0, "exits per frame under load: " + perFrame);
            } finally {
                vm.vm.stop("test over");
                VmExit exit = vm.exit.get(60, TimeUnit.SECONDS);
                vm.vm.close();
                assertInstanceOf(VmExit.Stopped.class, exit, exit.describe() + "\n" + vm.console());
            }
        }
    }

    /**
     * 600 echo requests wait in the tap's queue before the VM boots; the guest holds off reading
     * until the monitor filled all 256 rx buffers and went idle for lack of more (the other frames
     * wait on the host side), then answers every one: its reposts wake the starving I/O thread (a
     * notify). Every frame is counted where it crosses the device: the guest's echo count, the
     * monitor's counters and Linux's own counter of frames received on the tap. (ping's own count
     * is printed, not judged: on a loaded machine its socket buffer overflows when 600 replies
     * arrive while it is not scheduled, and it stops waiting two round trips after the last.)
     */
    @Test
    void aGuestThatFallsBehindGetsEveryFrameLate() throws Exception {
        int requests = 600;
        try (NetTestbed bed = new NetTestbed()) {
            // A static neighbour entry: no ARP is needed before the guest can answer. A tap's queue
            // holds txqueuelen frames (500 on some kernels, 1000 on others): room for all of them.
            bed.ns.ip("neigh", "add", bed.guestIp, "lladdr", NetConfig.macText(bed.mac), "dev", bed.tapName);
            bed.ns.ip("link", "set", bed.tapName, "txqueuelen", "1000");
            long queuedBefore = qdiscSentPackets(bed);
            Process ping = bed.ns.start("ping", "-c", String.valueOf(requests), "-l", String.valueOf(requests),
                    "-W", "60", "-q", bed.guestIp); // -l: every request leaves at once
            try {
                awaitQueued(bed, queuedBefore + requests, ping);
                NetTestbed.Running vm = bed.start("netecho", Duration.ofSeconds(120), "120",
                        String.valueOf(requests), "hold");
                VmExit exit = vm.exit.get(150, TimeUnit.SECONDS);
                VmStats s = vm.vm.stats();
                vm.vm.close();
                System.out.print("[net] late guest: " + vm.console() + "[net] " + s.format());
                assertEquals(new VmExit.Exited(0), exit, exit.describe() + " " + vm.console());
                assertTrue(vm.console().contains("netecho held: rx ring full\n"), vm.console());
                assertTrue(vm.console().contains(" icmp=" + requests + " "), "the guest answered: " + vm.console());
                assertTrue(s.net().rxRingFull() >= 1, s.format());
                assertTrue(s.notifyCalls() >= 2, "the init's notify and at least one for reposted buffers: " + s.format());
                assertTrue(s.net().txFrames() >= requests, s.format());
                assertEquals(0, s.net().txDropped(), s.format());
                long linuxReceived = tapReceivedPackets(bed);
                assertTrue(linuxReceived >= requests, "Linux received " + linuxReceived + " frames on the tap");
            } finally {
                if (!ping.waitFor(0, TimeUnit.SECONDS)) ping.destroy(); // it waits for replies its socket dropped
                System.out.println("[net] ping" + (ping.isAlive() ? " (stopped)" : "") + ": "
                        + new String(ping.getInputStream().readNBytes(4096)).strip().replace('\n', ' '));
            }
        }
    }

    /** Packets the tap's qdisc handed to the tun driver, which queues them for the reader (the VM). */
    private static long qdiscSentPackets(NetTestbed bed) throws Exception {
        String tc = bed.ns.exec(30, "tc", "-s", "qdisc", "show", "dev", bed.tapName);
        Matcher m = Pattern.compile("Sent \\d+ bytes (\\d+) pkt").matcher(tc);
        long sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
            found = true;
        }
        assertTrue(found, "no qdisc statistics on the tap: " + tc);
        return sum;
    }

    /** Waits until the tap's queue holds every request (or ping ended, which fails). */
    private static void awaitQueued(NetTestbed bed, long target, Process ping) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (long sent = qdiscSentPackets(bed); sent < target; sent = qdiscSentPackets(bed)) {
            if (!ping.isAlive()) throw new AssertionError("ping ended: " + new String(ping.getInputStream().readAllBytes()));
            if (System.nanoTime() - deadline > 0) throw new AssertionError("only " + sent + " of " + target + " frames queued");
            Thread.sleep(20);
        }
    }

    /** Linux's count of frames it received from the tap (what the guest sent). */
    private static long tapReceivedPackets(NetTestbed bed) throws Exception {
        String link = bed.ns.ip("-s", "link", "show", bed.tapName);
        Matcher rx = Pattern.compile("RX:[^\\n]*\\n\\s*(\\d+)\\s+(\\d+)").matcher(link);
        assertTrue(rx.find(), link);
        return Long.parseLong(rx.group(2));
    }

    /**
     * A guest that sends faster than the host side writes to the tap: the tx ring fills,
     * kiln_net_flush waits for returned buffers (the yield's tx ready bit), and every frame
     * reaches Linux in the end (the tap's own receive counter).
     */
    @Test
    void aFullTransmitRingWaitsAndLosesNothing() throws Exception {
        try (NetTestbed bed = new NetTestbed()) {
            NetTestbed.Running vm = bed.start("netblast", Duration.ofSeconds(300), "100000");
            VmExit exit = vm.exit.get(330, TimeUnit.SECONDS);
            VmStats s = vm.vm.stats();
            vm.vm.close();
            System.out.print("[net] blast: " + vm.console() + "[net] " + s.format());
            assertEquals(new VmExit.Exited(0), exit, exit.describe() + " " + vm.console());
            assertEquals(100000, s.net().txFrames(), s.format());
            assertEquals(0, s.net().txDropped(), s.format());
            Matcher full = Pattern.compile("full=(\\d+)").matcher(vm.console());
            assertTrue(full.find(), vm.console());
            assertTrue(Long.parseLong(full.group(1)) > 0, "the ring never filled: " + vm.console());
            String link = bed.ns.ip("-s", "link", "show", bed.tapName);
            Matcher rx = Pattern.compile("RX:[^\\n]*\\n\\s*(\\d+)\\s+(\\d+)").matcher(link);
            assertTrue(rx.find(), link);
            assertTrue(Long.parseLong(rx.group(2)) >= 100000, "Linux received on the tap: " + link);
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
            NetTestbed.Running good = healthy.start("netecho", Duration.ofSeconds(330), "300");
            try {
                awaitConsole(good, "netecho up");
                NetTestbed.Running bad = victim.start("nethostile", Duration.ofSeconds(60), attack);
                VmExit exit = bad.exit.get(90, TimeUnit.SECONDS);
                bad.vm.close();
                VmExit.GuestError error = assertInstanceOf(VmExit.GuestError.class, exit, exit.describe());
                assertTrue(error.message().contains(expected), error.message());
                assertEquals(159, exit.exitStatus());
                String ping = healthy.ns.exec(90, "ping", "-c", "2", "-w", "60", healthy.guestIp);
                assertEquals(2, received(ping), "the healthy VM after " + attack + ": " + ping);
            } finally {
                good.vm.stop("test over");
                good.exit.get(60, TimeUnit.SECONDS);
                good.vm.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tx-giant, 0, 1", "tx-zero, 0, 1", "tx-runt, 0, 1", "used-scribble, 1, 0"})
    void badFramesAreDroppedAndTheVmCarriesOn(String attack, long sent, long dropped) throws Exception {
        try (NetTestbed bed = new NetTestbed()) {
            NetTestbed.Running vm = bed.start("nethostile", Duration.ofSeconds(60), attack);
            VmExit exit = vm.exit.get(90, TimeUnit.SECONDS);
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm.console().contains(text)) {
            if (vm.exit.isDone()) throw new AssertionError("VM ended: " + vm.exit.get().describe() + " " + vm.console());
            if (System.nanoTime() > deadline) throw new AssertionError("no \"" + text + "\" in: " + vm.console());
            Thread.sleep(20);
        }
    }
}
