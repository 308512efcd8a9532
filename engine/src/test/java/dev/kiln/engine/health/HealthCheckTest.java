package dev.kiln.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.HealthReport;
import dev.kiln.engine.net.GuestEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The health check's verdict rules (Docker's) and its probes against real servers on loopback
 * (the endpoint a VM's network gives is a socket factory and an address; here both are loopback's).
 */
class HealthCheckTest {
    /** Loopback as the "guest": probes connect to 127.0.0.1:PORT. */
    static final GuestEndpoint LOOPBACK = new GuestEndpoint() {
        @Override
        public SocketChannel open() throws IOException {
            return SocketChannel.open();
        }

        @Override
        public InetSocketAddress address(int port) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
    };

    private static HealthReport.Result result(boolean ok) {
        return new HealthReport.Result(Instant.now(), Instant.now(), ok, ok ? "ok" : "failed");
    }

    private static HealthMonitor monitor(HealthCheck check) {
        return new HealthMonitor(check, LOOPBACK, null, null, s -> {});
    }

    @Test
    void retriesFailuresInARowMakeItUnhealthyAndOneSuccessHealthy() {
        HealthMonitor m = monitor(new HealthCheck("tcp:80", null, null, 2, null));
        assertEquals("starting", m.status());
        assertEquals("healthy", m.record(result(true)));
        assertNull(m.record(result(false)), "one failure of two allowed");
        assertEquals(1, m.report().failingStreak());
        assertEquals("unhealthy", m.record(result(false)));
        assertNull(m.record(result(false)));
        assertEquals(3, m.report().failingStreak());
        assertEquals("healthy", m.record(result(true)));
        assertEquals(0, m.report().failingStreak());
        for (int i = 0; i < 10; i++) m.record(result(true));
        assertEquals(5, m.report().log().size(), "the last five probes are kept");
    }

    @Test
    void failuresInTheStartPeriodDoNotCountWhileStarting() {
        HealthMonitor m = monitor(new HealthCheck("tcp:80", null, null, 1, 3_600_000L));
        for (int i = 0; i < 5; i++) assertNull(m.record(result(false)));
        assertEquals("starting", m.status());
        assertEquals(0, m.report().failingStreak());
        assertEquals("healthy", m.record(result(true)));
        assertEquals("unhealthy", m.record(result(false)), "once healthy, failures count even in the start period");
    }

    @Test
    void testsAreCheckedWhenTheyArrive() {
        assertEquals(80, HealthCheck.of("tcp:80").port());
        assertEquals("/health?x=1", HealthCheck.of("http:8080/health?x=1").path());
        assertEquals("/", HealthCheck.of("http:8080").path());
        for (String bad : new String[] {"udp:53", "tcp:0", "tcp:65536", "tcp:80/x", "http:80/a b", "http:/x", "tcp:"}) {
            assertThrows(IllegalArgumentException.class, () -> HealthCheck.of(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new HealthCheck("tcp:80", 1L, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new HealthCheck("tcp:80", null, null, 0, null));
    }

    @Test
    void tcpProbesPassOnAnAcceptedConnectionOnly() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            HealthReport.Result ok = HealthProbe.run(HealthCheck.of("tcp:" + listening.getLocalPort()), LOOPBACK);
            assertTrue(ok.ok(), ok.output());
            assertEquals("connected to port " + listening.getLocalPort(), ok.output());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HealthReport.Result refused = HealthProbe.run(HealthCheck.of("tcp:" + closed), LOOPBACK);
        assertFalse(refused.ok());
        assertTrue(refused.output().contains("refused"), refused.output());
    }

    @Test
    void httpProbesPassBelow400AndFailOnErrorsGarbageAndSilence() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/up", x -> {
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.createContext("/down", x -> {
            x.sendResponseHeaders(503, -1);
            x.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            HealthReport.Result up = HealthProbe.run(HealthCheck.of("http:" + port + "/up"), LOOPBACK);
            assertTrue(up.ok(), up.output());
            assertEquals("GET /up: HTTP/1.1 204 No Content", up.output());
            HealthReport.Result down = HealthProbe.run(HealthCheck.of("http:" + port + "/down"), LOOPBACK);
            assertFalse(down.ok());
            assertEquals("GET /down: HTTP/1.1 503 Service Unavailable", down.output());
        } finally {
            server.stop(0);
        }
        try (ServerSocket odd = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (Socket s = odd.accept()) {
                    s.getOutputStream().write("SSH-2.0-nope\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the probe is gone
                }
            });
            HealthReport.Result garbage = HealthProbe.run(HealthCheck.of("http:" + odd.getLocalPort() + "/"), LOOPBACK);
            assertFalse(garbage.ok());
            assertEquals("GET /: not an HTTP answer: SSH-2.0-nope", garbage.output());
            t.join();
        }
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            CountDownLatch done = new CountDownLatch(1);
            Thread t = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    done.await(); // accepts and never answers
                } catch (IOException | InterruptedException ignored) {
                    // the test ends
                }
            });
            HealthReport.Result timeout = HealthProbe.run(new HealthCheck("http:" + silent.getLocalPort() + "/", null, 300L, null, null),
                    LOOPBACK);
            done.countDown();
            assertFalse(timeout.ok());
            assertEquals("timed out after 300 ms", timeout.output());
            t.join();
        }
    }

    @Test
    void theMonitorProbesOnTheTimerAndReportsChanges() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try (ServerSocket listening = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             var probes = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        listening.accept().close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            CountDownLatch healthy = new CountDownLatch(1);
            HealthMonitor m = new HealthMonitor(new HealthCheck("tcp:" + listening.getLocalPort(), 20L, null, null, null),
                    LOOPBACK, timer, probes, s -> {
                        if (s.equals("healthy")) healthy.countDown();
                    });
            m.start();
            assertTrue(healthy.await(60, TimeUnit.SECONDS));
            m.stop();
            assertEquals("healthy", m.status());
        } finally {
            timer.shutdownNow();
        }
    }
}
