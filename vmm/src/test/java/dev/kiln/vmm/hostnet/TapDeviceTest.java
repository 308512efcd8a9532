package dev.kiln.vmm.hostnet;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tap and namespace plumbing on its own: lifetime, isolation, and one real frame exchange. */
class TapDeviceTest {
    @BeforeAll
    static void prerequisites() {
        if (!NetworkNamespace.isRoot()) {
            fail("prerequisite missing: must run as root to create network namespaces and tap devices");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            fail("prerequisite missing: /dev/net/tun");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                && !Files.isExecutable(Path.of("/usr/bin/ip")) && !Files.isExecutable(Path.of("/bin/ip"))) {
            fail("prerequisite missing: iproute2 (`ip`)");
        }
    }

    @Test
    void tapLivesInItsNamespaceAndIsGoneAfterClose() throws Exception {
        String nsName;
        String tapName = "ktest" + Long.toHexString(System.nanoTime() & 0xffff);
        try (NetworkNamespace ns = NetworkNamespace.create("kiln-t-");
             TapDevice tap = TapDevice.open(ns, tapName)) {
            nsName = ns.name();
            assertTrue(NetworkNamespace.exists(nsName));
            assertTrue(ns.ip("link", "show", tapName).contains(tapName));
            // setns() moved only the helper thread: the host namespace has no such device.
            assertThrows(java.io.IOException.class, () -> NetworkNamespace.run(5, "ip", "link", "show", tapName));
            assertEquals(tapName, tap.name());
        }
        assertFalse(NetworkNamespace.exists(nsName), "namespace deleted on close");
    }

    @Test
    void arpRequestThroughTheTapGetsLinuxsReply() throws Exception {
        String tapName = "ktest" + Long.toHexString(System.nanoTime() & 0xffff);
        try (NetworkNamespace ns = NetworkNamespace.create("kiln-t-");
             TapDevice tap = TapDevice.open(ns, tapName)) {
            ns.ip("addr", "add", "10.78.0.1/24", "dev", tapName);
            ns.ip("link", "set", tapName, "up");
            byte[] f = new byte[42];
            byte[] ours = {2, 0, 0, 0, 0, 7};
            for (int i = 0; i < 6; i++) {
                f[i] = (byte) 0xff;
                f[6 + i] = ours[i];
                f[22 + i] = ours[i];
            }
            f[12] = 8;
            f[13] = 6;
            byte[] arp = {0, 1, 8, 0, 6, 4, 0, 1};
            System.arraycopy(arp, 0, f, 14, 8);
            byte[] sender = {10, 78, 0, 2};
            byte[] target = {10, 78, 0, 1};
            System.arraycopy(sender, 0, f, 28, 4);
            System.arraycopy(target, 0, f, 38, 4);
            byte[] buf = new byte[TapDevice.MAX_FRAME];
            // The request is repeated (Linux may drop one while the link comes up) until the reply
            // comes; 60 s only guards against a hang.
            long end = System.nanoTime() + 60_000_000_000L;
            boolean replied = false;
            while (!replied && System.nanoTime() < end) {
                assertTrue(tap.write(f, 0, f.length));
                if (tap.awaitReadable(200)) {
                    int n;
                    while ((n = tap.read(buf)) > 0) {
                        // An ARP reply (opcode 2) to our MAC from 10.78.0.1.
                        if (n >= 42 && buf[12] == 8 && buf[13] == 6 && buf[21] == 2 && buf[28] == 10 && buf[29] == 78
                                && buf[30] == 0 && buf[31] == 1 && buf[5] == 7) {
                            replied = true;
                        }
                    }
                }
            }
            assertTrue(replied, "Linux answered the ARP request written to the tap");
        }
    }

    @Test
    void badNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TapDevice.open("this-name-is-too-long"));
        assertThrows(IllegalArgumentException.class, () -> TapDevice.open(""));
    }
}
