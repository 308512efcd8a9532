package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lossy test's harness, checked with the same echo app on HotSpot in place of the VM: the
 * relay sits between a veth (whose far end is the HotSpot server's namespace, where the image
 * test has the VM's tap) and the client's tap. The transfer must survive 5 % loss and 25 %
 * reordering byte-exactly, and the relay must really have dropped and reordered frames.
 * (Needs ethtool, see below.)
 */
class LossyRelayHarnessTest {
    private static final int MB = Integer.getInteger("kiln.net.relayMb", 20);

    @Test
    void echoThroughTheLossyRelayOnHotSpot() throws Exception {
        Tools.require("python3", "ethtool");
        Path peer = ServiceImages.peerScript("cli/src/test/peer/svcpeer.py");
        try (NetNs n = new NetNs(); NetworkNamespace server = NetworkNamespace.create("kiln-svs-")) {
            String vmSide = "ksv" + n.suffix;
            n.ns.ip("link", "add", vmSide, "type", "veth", "peer", "name", "ksw" + n.suffix, "netns", server.name());
            n.ns.ip("link", "set", vmSide, "up");
            server.ip("addr", "add", ServiceImageNetworkTest.GUEST_IP + "/24", "dev", "ksw" + n.suffix);
            server.ip("link", "set", "ksw" + n.suffix, "up");
            // A veth hands frames over with the checksum left to offload and as 64 KB GSO
            // segments; the relay copies frames as they are, so the server must finish them
            // itself (a VM's tap never has this: the guest computes its checksums).
            server.exec(10, "ethtool", "-K", "ksw" + n.suffix, "tx", "off", "tso", "off", "gso", "off");
            String clientTap = n.tap("ksc", ServiceImageNetworkTest.HOST_IP + "/24");
            NetNs.Bg relay = n.start(List.of("python3", "-u", peer.toString(), "relay", vmSide, clientTap, "5", "25", "1", "3"));
            relay.await("relay ready", 60_000);
            Path app = Path.of(System.getProperty("kiln.home")).resolve("cli/src/test/apps/tcpecho");
            try (HostJavaApp echo = HostJavaApp.start(app, List.of("ip", "netns", "exec", server.name()), List.of(), "7")) {
                echo.awaitOutput("listening on port 7", 60_000);
                long bytes = MB * 1024L * 1024L;
                Tools.Result r = n.run(600, "python3", peer.toString(), "echo", ServiceImageNetworkTest.GUEST_IP, "7",
                        Long.toString(bytes), "5");
                assertEquals(0, r.status(), r.output() + "\n" + relay.output());
                String[] f = r.output().strip().split(" ");
                assertEquals(Long.toString(bytes), f[3], r.output());
                assertEquals(f[2], f[4], "SHA-256 of the echo");
                relay.stop();
                String counters = relay.output().lines().filter(l -> l.startsWith("relay ") && l.contains("dropped="))
                        .findFirst().orElseThrow(() -> new AssertionError("no relay counters (exit " + relay.process.exitValue() + "):\n" + relay.output()));
                System.out.println("[relay] HotSpot echo " + MB + " MB each way in " + f[5] + " s; " + counters);
                assertTrue(!counters.contains("dropped=0 ") && !counters.endsWith("reordered=0"), counters);
            }
        }
    }
}
