package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.engine.api.ApiJson;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daemon's bridge, with `kiln daemon` running inside a network namespace this test makes
 * (the bridge, the taps and the published ports live there; nothing touches the host's
 * namespace): two HTTP example VMs on the bridge with addresses from the pool, published on
 * 127.0.0.1 of the namespace and reached by curl there, also straight at their addresses; a
 * health check through the bridge; the leases kept across a SIGKILL of the daemon, a tap
 * left on the bridge removed by the next daemon, an address freed by rm and leased again,
 * and the bridge removed by the daemon's clean stop.
 */
class EngineBridgeTest {
    private static final String SUBNET = "10.77.0.0/24";

    @Test
    void vmsOnTheDaemonsBridgeServeCurlInsideItsNamespace() throws Exception {
        Tools.require("curl", "ip");
        String image = ServiceImages.image("examples/http-server").toString();
        try (NetNs ns = new NetNs()) {
            String bridge = "kb" + ns.suffix;
            DaemonProcess d = new DaemonProcess("--bridge", bridge, "--bridge-subnet", SUBNET).inside(ns);
            try {
                d.start();
                assertNotEquals(0, ns.run(10, "ip", "link", "show", bridge).status(), "no bridge before a VM needs it");

                ok(d, "run", "-d", "--name", "web1", "--restart", "always", "-p", "8080:80", "--health", "http:80/",
                        "--health-interval", "200ms", image);
                String link = ns.ns.ip("-d", "addr", "show", bridge);
                assertTrue(link.contains("alias kiln-daemon-bridge") && link.contains("inet 10.77.0.1/24"), link);
                ok(d, "run", "-d", "--name", "web2", "-p", "8081:80", image);
                awaitListening(d, "web1");
                awaitListening(d, "web2");
                String a1 = address(d, "web1"), a2 = address(d, "web2");
                assertEquals("10.77.0.2", a1, "the lowest free address first");
                assertEquals("10.77.0.3", a2);
                assertServes(ns, "127.0.0.1:8080");
                assertServes(ns, "127.0.0.1:8081");
                assertServes(ns, a1 + ":80"); // straight through the bridge
                assertServes(ns, a2 + ":80");
                assertTrue(Files.readString(d.stateDir.resolve("network/addresses.json")).contains("\"" + a2 + "\""));
                List<String> taps = taps(ns, bridge);
                assertEquals(2, taps.size(), "one tap per VM on the bridge: " + taps);
                awaitHealthy(d, "web1");
                KilnProcess ps = ok(d, "ps");
                assertTrue(ps.stdout().lines().anyMatch(l -> l.endsWith("web1") && l.contains("(healthy)")), ps.stdout());

                // SIGKILL: the taps go with the daemon's descriptors, the bridge and the leases stay.
                d.kill();
                assertEquals(List.of(), taps(ns, bridge), "non-persistent taps end with the daemon");
                String leftover = "kiln00deadbeef";
                ns.ns.ip("tuntap", "add", "mode", "tap", "name", leftover);
                ns.ns.ip("link", "set", leftover, "master", bridge, "up");
                String restarted = java.time.Instant.now().toString();
                d.start();
                assertTrue(d.output().contains("removed 1 tap(s) a previous daemon left on " + bridge + ": " + leftover),
                        d.output());
                d.awaitOutput("listening on port 80", "logs", "-f", "--since", restarted, "web1"); // restored by its policy
                assertEquals(a1, address(d, "web1"));
                assertServes(ns, "127.0.0.1:8080");
                assertFalse(ns.ns.ip("link", "show").contains(leftover + ":"));

                // rm frees web2's address; a new VM gets it, never web1's.
                ok(d, "rm", "-f", "web2");
                assertFalse(Files.readString(d.stateDir.resolve("network/addresses.json")).contains("\"" + a2 + "\""));
                ok(d, "run", "-d", "--name", "web3", "-p", "8082:80", image);
                awaitListening(d, "web3");
                assertEquals(a2, address(d, "web3"));
                assertServes(ns, "127.0.0.1:8082");
                assertServes(ns, a1 + ":80");

                // A clean stop removes the bridge the daemon made (and with it nothing is left in the namespace).
                d.stop();
                assertTrue(d.output().contains("bridge " + bridge + " removed"), d.output());
                Tools.Result gone = ns.run(10, "ip", "link", "show", bridge);
                assertNotEquals(0, gone.status(), "the bridge outlived the daemon's clean stop:\n" + gone.output());
                assertEquals(List.of(), ns.ns.ip("-o", "link", "show").lines().filter(l -> l.contains(" kiln")).toList());
            } finally {
                d.close();
            }
        }
    }

    /**
     * The resolver of project names on the gateway (10.77.0.1:53), asked by a real VM (the
     * dnsquery test app, a UDP client): a VM's name and alias in its network answer its address,
     * whatever their case; a name of another network, and any other name, are refused; a query
     * from the namespace itself (no VM of a network) is refused; a stopped VM's name is gone.
     */
    @Test
    void vmsOfOneProjectNetworkFindEachOtherByName() throws Exception {
        Tools.require("ip", "dig");
        String http = ServiceImages.image("examples/http-server").toString();
        String query = ServiceImages.image("cli/src/test/apps/dnsquery").toString();
        try (NetNs ns = new NetNs()) {
            String bridge = "kb" + ns.suffix;
            DaemonProcess d = new DaemonProcess("--bridge", bridge, "--bridge-subnet", SUBNET).inside(ns);
            try {
                d.start();
                ok(d, "run", "-d", "--name", "web", "--network", "shop", "--network-alias", "www.shop", http);
                ok(d, "run", "-d", "--name", "db", "--network", "other", http);
                awaitListening(d, "web");
                String web = address(d, "web");
                assertTrue(ApiJson.mapper().readTree(ok(d, "inspect", "web").stdout()).get(0).get("network").asText()
                        .contains("; network shop as www.shop"));

                ok(d, "run", "-d", "--name", "client", "--network", "shop", query, "--", "10.77.0.1", "web", "WWW.Shop",
                        "db", "nosuch.example");
                assertEquals("0\n", ok(d, "wait", "client").stdout(), ok(d, "logs", "client").toString());
                String answers = ok(d, "logs", "client").stdout();
                assertTrue(answers.contains("web rcode=0 A=" + web + "\n"), answers);
                assertTrue(answers.contains("WWW.Shop rcode=0 A=" + web + "\n"), answers);
                assertTrue(answers.contains("db rcode=5 A=\n"), "another network's name is refused:\n" + answers);
                assertTrue(answers.contains("nosuch.example rcode=5 A=\n"), "an unknown name is refused:\n" + answers);

                Tools.Result dig = ns.run(60, "dig", "+tries=3", "+time=10", "@10.77.0.1", "web", "A");
                assertTrue(dig.output().contains("status: REFUSED"), "not a VM of a network:\n" + dig.output());

                ok(d, "stop", "-t", "0", "web");
                ok(d, "run", "-d", "--name", "client2", "--network", "shop", query, "--", "10.77.0.1", "web");
                assertEquals("0\n", ok(d, "wait", "client2").stdout());
                String after = ok(d, "logs", "client2").stdout();
                assertTrue(after.contains("web rcode=5 A=\n"), "a stopped VM's name is gone:\n" + after);

                KilnProcess noBridge = d.kiln("run", "-d", "--network", "bad name", http);
                assertEquals(125, noBridge.exitStatus(), noBridge.toString());
                assertTrue(noBridge.stderr().contains("network name 'bad name' is not"), noBridge.stderr());
            } finally {
                d.close();
            }
        }
    }

    private static KilnProcess ok(DaemonProcess d, String... args) throws Exception {
        KilnProcess r = d.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r);
        return r;
    }

    /** Follows the VM's log until the HTTP example says it listens (an event, not a delay). */
    private static void awaitListening(DaemonProcess d, String vm) throws Exception {
        d.awaitOutput("listening on port 80", "logs", "-f", vm);
    }

    private static void awaitHealthy(DaemonProcess d, String vm) throws Exception {
        d.awaitOutput("(health=healthy, name=" + vm + ")", "events", "--since", "10m", "--filter", "vm=" + vm);
    }

    /** The guest's address, from inspect's network line ("guest 10.77.0.2/24,10.77.0.1 (MAC ...) on bridge ..."). */
    private static String address(DaemonProcess d, String vm) throws Exception {
        JsonNode inspect = ApiJson.mapper().readTree(ok(d, "inspect", vm).stdout()).get(0);
        String network = inspect.get("network").asText();
        assertTrue(network.matches("guest 10\\.77\\.0\\.\\d+/24,10\\.77\\.0\\.1 \\(MAC [0-9a-f:]+\\) on bridge kb\\w+, tap kiln[0-9a-f]{10}; .*"),
                network);
        return network.substring("guest ".length(), network.indexOf('/'));
    }

    private static void assertServes(NetNs ns, String hostPort) throws Exception {
        Tools.Result page = ns.run(90, "curl", "-sS", "-m", "60", "http://" + hostPort + "/");
        assertEquals(0, page.status(), "curl " + hostPort + ": " + page.output());
        assertTrue(page.output().contains("<h1>Hello from Kiln</h1>"), page.output());
    }

    private static List<String> taps(NetNs ns, String bridge) throws Exception {
        return ns.ns.ip("-o", "link", "show", "master", bridge).lines()
                .map(l -> l.split(":? +|@")[1].replace(":", "")).toList();
    }
}
