package dev.kiln.cli;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmStats;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.TapDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine of {@code kiln fuzz frames}: boots examples/http-server as a VM of this process
 * (its frame counters are read while it runs), on a tap joined by a Linux bridge, in a
 * namespace of its own, to a second tap whose file descriptor is the fuzzer's: every frame
 * written there reaches the VM as if from the wire, and what the VM sends to the made-up peers
 * comes back to it ({@link FrameFuzzer#fromVm}). Frames are paced by what the VM has taken, so
 * that they reach it rather than a full queue. Afterwards the image must still serve a page to
 * curl, and its own count of open connections (/api/stats) must come back to the one asking:
 * nothing the fuzzing started may stay open.
 */
final class FrameFuzzRun {
    static final String HOST_IP = "10.203.0.1";
    static final String GUEST_IP = "10.203.0.2";
    private static final int PORT = 80;
    /** Frames written but not yet taken by the VM; the tap's queue holds 500. */
    private static final int IN_FLIGHT = 256;
    /**
     * How long the image's open connections may take to drain after the fuzzing: a thread the
     * server blocked in a write to a silent peer ends only when the stack gives that peer up
     * (12 retransmissions or window probes backing off to 60 s: about 4.7 minutes), an idle
     * one after the server's 30 s; and then some.
     */
    private static final long DRAIN_NANOS = 420_000_000_000L;

    record Result(long sent, long delivered, long writeDrops, long notDelivered, double seconds, long arpReplies, long handshakes,
            String vmEnd, boolean serving, int openConnections, String stats) {
        /** The figures line; it ends with serving= and leaked_connections=. */
        String line() {
            return String.format("fuzz frames sent=%d delivered=%d write_drops=%d not_delivered=%d seconds=%.1f"
                    + " frames_per_second=%d arp_replies=%d handshakes=%d vm=%s serving=%b leaked_connections=%d", sent,
                    delivered, writeDrops, notDelivered, seconds, Math.round(delivered / Math.max(seconds, 1e-9)), arpReplies, handshakes,
                    vmEnd == null ? "running" : "ended", serving, leaked());
        }

        /** Connections open in the image beyond the one asking for the count; -1 if the count could not be read. */
        long leaked() {
            return openConnections < 0 ? -1 : openConnections - 1;
        }

        boolean passed() {
            return vmEnd == null && serving && leaked() == 0;
        }
    }

    private FrameFuzzRun() {
    }

    static Result run(Path image, long frames, long seed, Consumer<String> log) throws Exception {
        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        NetworkNamespace ns = NetworkNamespace.create("kiln-fz-");
        TapDevice vmTap = null;
        TapDevice fuzzTap = null;
        try {
            ns.exec(10, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            String bridge = "kfb" + id;
            // A plain wire: no IGMP snooping and no netfilter on bridged frames (br_netfilter, when
            // loaded, validates IPv4 headers and would drop a fifth of the frames before the VM).
            ns.ip("link", "add", bridge, "type", "bridge", "mcast_snooping", "0");
            ns.exec(10, "sysctl", "-q", "-w", "net.bridge.bridge-nf-call-iptables=0",
                    "net.bridge.bridge-nf-call-ip6tables=0", "net.bridge.bridge-nf-call-arptables=0");
            vmTap = TapDevice.open(ns, "kfv" + id);
            fuzzTap = TapDevice.open(ns, "kff" + id);
            for (String port : new String[] {vmTap.name(), fuzzTap.name()}) {
                ns.ip("link", "set", port, "master", bridge);
                ns.ip("link", "set", port, "up");
            }
            ns.ip("addr", "add", HOST_IP + "/24", "dev", bridge);
            ns.ip("link", "set", bridge, "up");
            return fuzz(ns, vmTap, fuzzTap, image, frames, seed, log);
        } finally {
            if (fuzzTap != null) {
                fuzzTap.close();
            }
            if (vmTap != null) {
                vmTap.close();
            }
            ns.close();
        }
    }

    private static Result fuzz(NetworkNamespace ns, TapDevice vmTap, TapDevice fuzzTap, Path image, long frames, long seed,
            Consumer<String> log) throws Exception {
        long vmMac = NetConfig.localMac(ThreadLocalRandom.current().nextInt(1 << 24));
        long ownMac = 0x02_66_7a_00_00_01L; // locally administered: "fz"
        NetConfig nc = new NetConfig(new TapBackend(vmTap), vmMac, NetConfig.DEFAULT_MTU, dev.kiln.cli.bench.BenchVm.ipv4(GUEST_IP), 24, 0);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (console) {
                    if (console.size() < 1 << 20) {
                        console.write(b);
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (console) {
                    if (console.size() < 1 << 20) {
                        console.write(b, off, len);
                    }
                }
            }
        };
        FrameFuzzer fuzzer = new FrameFuzzer(seed, vmMac, ownMac, dev.kiln.cli.bench.BenchVm.ipv4(GUEST_IP),
                dev.kiln.cli.bench.BenchVm.ipv4(HOST_IP), PORT);
        try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, VmConfig.of(GuestImage.load(image), sink).withNet(nc))) {
            AtomicReference<Object> end = new AtomicReference<>();
            Thread vcpu = Thread.ofPlatform().name("fuzz-frames-vm").start(() -> {
                try {
                    end.set(vm.run());
                } catch (RuntimeException e) {
                    end.set(e);
                }
            });
            Thread peers = null;
            try {
                awaitServing(ns, () -> end.get() == null ? null : "the VM ended before serving: " + end.get() + "\n" + text(console));
                peers = Thread.ofPlatform().name("fuzz-frames-peers").daemon().start(() -> answerPeers(fuzzTap, fuzzer));
                Pacer pacer = new Pacer(vm);
                long sent = 0;
                long writeDrops = 0;
                byte[] f = new byte[2048];
                long t0 = System.nanoTime();
                long nextReport = 100_000;
                while (sent < frames && end.get() == null) {
                    int len = fuzzer.next(f);
                    boolean ok;
                    synchronized (fuzzTap) {
                        ok = fuzzTap.write(f, 0, len);
                    }
                    if (!ok) {
                        writeDrops++;
                    }
                    sent++;
                    if ((sent & 31) == 0) {
                        pacer.await(sent - writeDrops, IN_FLIGHT, end);
                    }
                    if (sent == nextReport) {
                        log.accept(String.format("%d frames sent, %d taken by the VM", sent, pacer.taken()));
                        nextReport += 100_000;
                    }
                }
                pacer.await(sent - writeDrops, 0, end); // let the VM take the rest
                double seconds = (System.nanoTime() - t0) / 1e9;
                long delivered = pacer.taken();
                String vmEnd = end.get() == null ? null : String.valueOf(end.get());
                boolean serving = false;
                int open = -1;
                String stats = "";
                if (vmEnd == null) {
                    // What the fuzzing opened may hold the image's connections (and ring budget) until
                    // its timers end them: wait for its count to come back to the one asking, then
                    // ask for the page.
                    long deadline = System.nanoTime() + DRAIN_NANOS;
                    do {
                        stats = curl(ns, "/api/stats");
                        open = openConnections(stats);
                        if (open == 1) {
                            break;
                        }
                        Thread.sleep(500);
                    } while (System.nanoTime() < deadline && end.get() == null);
                    serving = servesThePage(ns);
                }
                if (end.get() != null && vmEnd == null) {
                    vmEnd = String.valueOf(end.get());
                }
                if (vmEnd != null) {
                    log.accept("the VM ended: " + vmEnd + "\n" + text(console));
                }
                return new Result(sent, delivered, writeDrops, pacer.notDelivered(), seconds, fuzzer.arpReplies(), fuzzer.handshakes(), vmEnd,
                        serving, open, stats.strip());
            } finally {
                vm.stop("fuzzing done");
                vcpu.join(10_000);
                if (peers != null) {
                    peers.interrupt();
                    peers.join(5_000);
                }
            }
        }
    }

    /**
     * Keeps at most IN_FLIGHT frames between the fuzzer and the VM, so that they reach the VM
     * rather than overflow the tap's queue. Some frames never reach it (the bridge keeps those
     * addressed to itself, say): when the VM takes next to nothing for half a second, what is
     * still in flight counts as not delivered and the fuzzing goes on.
     */
    private static final class Pacer {
        private final Vm vm;
        private final long rx0;
        private long notDelivered;

        Pacer(Vm vm) {
            this.vm = vm;
            this.rx0 = rxFrames(vm);
        }

        long taken() {
            return rxFrames(vm) - rx0;
        }

        long notDelivered() {
            return notDelivered;
        }

        /** Waits (sleeping, never spinning) until the frames in flight after `written` are at most `limit`. */
        void await(long written, long limit, AtomicReference<Object> end) throws InterruptedException {
            long mark = taken();
            long since = System.nanoTime();
            while (end.get() == null) {
                long taken = taken();
                long inFlight = written - taken - notDelivered;
                if (inFlight <= limit) {
                    return;
                }
                long now = System.nanoTime();
                if (taken - mark >= 8) {
                    mark = taken;
                    since = now;
                } else if (now - since > 500_000_000L) {
                    notDelivered += inFlight;
                    return;
                }
                Thread.sleep(1);
            }
        }
    }

    private static long rxFrames(Vm vm) {
        VmStats.Net n = vm.stats().net();
        return n == null ? 0 : n.rxFrames();
    }

    /** The peers' side: answers the VM's ARP requests for the made-up peers, learns its connections. */
    private static void answerPeers(TapDevice tap, FrameFuzzer fuzzer) {
        byte[] f = new byte[TapDevice.MAX_FRAME];
        byte[] reply = new byte[64];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (!tap.awaitReadable(100)) {
                    continue;
                }
                int n;
                while ((n = tap.read(f)) > 0) {
                    int r = fuzzer.fromVm(f, n, reply);
                    if (r > 0) {
                        synchronized (tap) {
                            tap.write(reply, 0, r);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the tap went away: the run is over
        }
    }

    private static void awaitServing(NetworkNamespace ns, java.util.function.Supplier<String> died) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            String why = died.get();
            if (why != null) {
                throw new IllegalStateException(why);
            }
            if (servesThePage(ns)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the image at " + GUEST_IP + " did not serve within 60 s");
    }

    private static boolean servesThePage(NetworkNamespace ns) {
        return curl(ns, "/").contains("<h1>Hello from Kiln</h1>");
    }

    /** The body at path, or "" if curl fails. */
    private static String curl(NetworkNamespace ns, String path) {
        try {
            return ns.exec(30, "curl", "-sS", "-m", "10", "http://" + GUEST_IP + path);
        } catch (IOException e) {
            return "";
        }
    }

    private static final Pattern OPEN = Pattern.compile("\"open_connections\":(\\d+)");

    static int openConnections(String stats) {
        Matcher m = OPEN.matcher(stats);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String text(ByteArrayOutputStream b) {
        synchronized (b) {
            return b.toString(StandardCharsets.UTF_8);
        }
    }
}
