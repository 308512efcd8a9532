package dev.kiln.libos.socket;

import static org.junit.jupiter.api.Assertions.*;

import dev.kiln.libos.classlib.java.net.TInetAddress;
import dev.kiln.libos.classlib.java.net.TInetSocketAddress;
import dev.kiln.libos.classlib.java.net.TUnknownHostException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import dev.kiln.libos.net.Ipv4Address;
import dev.kiln.libos.net.NetConfig;
import dev.kiln.libos.net.NetStack;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image's InetAddress/InetSocketAddress against HotSpot's own, on the paths both support, on
 * a network given no DNS resolver (names are StubResolverTest's and NativeSocketTest's).
 */
class InetAddressTest {
    @BeforeEach
    void networkWithoutResolver() {
        NetStack stack = new NetStack(NetConfig.staticIp(0x020000000002L, Ipv4Address.of(10, 0, 0, 2), 24, 0),
                System::nanoTime, (f, o, l) -> { });
        Network.install(new Network(stack, System::nanoTime, new ThreadBlocker()));
    }

    @AfterEach
    void removeNetwork() {
        Network.install(null);
    }
    @Test
    void literalsAndLocalhostMatchHotSpot() throws Exception {
        for (String host : new String[] {"10.1.2.3", "0.0.0.0", "255.255.255.255", "127.0.0.1", "192.168.1.200",
                "localhost"}) {
            InetAddress hs = InetAddress.getByName(host);
            TInetAddress k = TInetAddress.getByName(host);
            assertEquals(hs.toString(), k.toString(), host);
            assertEquals(hs.getHostAddress(), k.getHostAddress(), host);
            assertArrayEquals(hs.getAddress(), k.getAddress(), host);
            assertEquals(hs.isLoopbackAddress(), k.isLoopbackAddress(), host);
            assertEquals(hs.isAnyLocalAddress(), k.isAnyLocalAddress(), host);
            assertEquals(hs.isSiteLocalAddress(), k.isSiteLocalAddress(), host);
            assertEquals(hs.isMulticastAddress(), k.isMulticastAddress(), host);
            assertEquals(hs.hashCode(), k.hashCode(), host);
        }
        assertEquals(InetAddress.getLoopbackAddress().toString(), TInetAddress.getLoopbackAddress().toString());
        assertEquals(InetAddress.getByName(null).toString(), TInetAddress.getByName(null).toString());
        byte[] raw = {10, 0, 0, (byte) 200};
        assertEquals(InetAddress.getByAddress(raw).toString(), TInetAddress.getByAddress(raw).toString());
        assertEquals(InetAddress.getByAddress("web", raw).toString(), TInetAddress.getByAddress("web", raw).toString());
        assertEquals(TInetAddress.getByName("10.0.0.200"), TInetAddress.getByAddress(raw));
    }

    @Test
    void namesAndIpv6FailWithAReason() {
        TUnknownHostException e = assertThrows(TUnknownHostException.class, () -> TInetAddress.getByName("example.com"));
        assertEquals("example.com: Temporary failure in name resolution (no DNS resolver: the VM was given none,"
                + " see kiln run --dns)", e.getMessage());
        // not a dotted quad: a name, as far as HotSpot's resolver is concerned too
        assertThrows(TUnknownHostException.class, () -> TInetAddress.getByName("10.0.0.256"));
        assertThrows(TUnknownHostException.class, () -> TInetAddress.getByName("1.2.3"));
        TUnknownHostException v6 = assertThrows(TUnknownHostException.class, () -> TInetAddress.getByName("::1"));
        assertTrue(v6.getMessage().contains("IPv6"), v6.getMessage());
        assertThrows(TUnknownHostException.class, () -> TInetAddress.getByAddress(new byte[16]));
        assertThrows(TUnknownHostException.class, () -> TInetAddress.getByAddress(new byte[5]));
    }

    @Test
    void socketAddressesMatchHotSpot() throws Exception {
        String[][] cases = {{"10.1.2.3", "80"}, {"localhost", "8080"}, {"0.0.0.0", "0"}};
        for (String[] c : cases) {
            InetSocketAddress hs = new InetSocketAddress(c[0], Integer.parseInt(c[1]));
            TInetSocketAddress k = new TInetSocketAddress(c[0], Integer.parseInt(c[1]));
            assertEquals(hs.toString(), k.toString(), Arrays.toString(c));
            assertEquals(hs.getHostString(), k.getHostString(), Arrays.toString(c));
            assertEquals(hs.getPort(), k.getPort());
            assertEquals(hs.isUnresolved(), k.isUnresolved());
        }
        assertEquals(InetSocketAddress.createUnresolved("db.internal", 5432).toString(),
                TInetSocketAddress.createUnresolved("db.internal", 5432).toString());
        assertTrue(new TInetSocketAddress("db.internal", 5432).isUnresolved(), "no resolver: unresolved, as HotSpot when a name does not resolve");
        assertEquals(new InetSocketAddress(9).toString(), new TInetSocketAddress(9).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TInetSocketAddress(70000));
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> new InetSocketAddress(70000));
        assertEquals(h.getMessage(), e.getMessage());
    }
}
