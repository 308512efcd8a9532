package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.api.VmStatus;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that misbehave on the socket: malformed and oversized requests get a JSON error and
 * leave the daemon answering; a slow client, one that never reads its stream, and one that
 * goes away in the middle of one hurt neither the daemon nor a running VM.
 */
class HostileClientTest {
    static TestDaemon d;

    @BeforeAll
    static void start() throws Exception {
        d = TestDaemon.start();
        d.client.create(TestDaemon.request("bystander", "ticker", List.of("10")));
        d.client.start("bystander");
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    static SocketChannel connect() throws IOException {
        return connect(d.socket);
    }

    static SocketChannel connect(java.nio.file.Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return ch;
    }

    private static byte[] post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: k\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] all = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(body, 0, all, head.length(), body.length);
        return all;
    }

    private static void assertStillServing() {
        assertEquals(VmStatus.RUNNING, d.client.inspect("bystander").state().status(), "the bystander VM still runs");
        assertTrue(d.client.info().vms() >= 1);
    }

    @Test
    void malformedRequestsGetA400AndNothingElseHappens() throws IOException {
        String garbage = d.raw("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(garbage.startsWith("HTTP/1.1 400"), garbage);
        String badJson = d.raw(("POST /v1/vms HTTP/1.1\r\nHost: k\r\nContent-Type: application/json\r\nContent-Length: 9\r\n"
                + "Connection: close\r\n\r\n{\"image\":").getBytes(StandardCharsets.US_ASCII));
        assertTrue(badJson.startsWith("HTTP/1.1 400") && badJson.contains("\"message\":\"bad request: not valid JSON"), badJson);
        String unknownField = d.raw(post("/v1/vms", "{\"image\":\"/x\",\"priviledged\":true}"));
        assertTrue(unknownField.startsWith("HTTP/1.1 400") && unknownField.contains("unknown field 'priviledged'"), unknownField);
        String badName = d.raw(post("/v1/vms", "{\"image\":\"/x\",\"name\":\"../../etc/x\"}"));
        assertTrue(badName.startsWith("HTTP/1.1 400") && badName.contains("invalid VM name"), badName);
        String badParam = d.raw("POST /v1/vms/bystander/stop?t=forever HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(badParam.startsWith("HTTP/1.1 400") && badParam.contains("query parameter t"), badParam);
        assertStillServing();
    }

    @Test
    void oversizedHeadersAndBodiesAreRefused() throws IOException {
        String bigHeader = d.raw(("GET /v1/info HTTP/1.1\r\nHost: k\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(bigHeader.startsWith("HTTP/1.1 431"), bigHeader.substring(0, Math.min(200, bigHeader.length())));
        String body = "{\"image\":\"/x\",\"args\":[\"" + "a".repeat(2 << 20) + "\"]}";
        String bigBody = d.raw(("POST /v1/vms HTTP/1.1\r\nHost: k\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        assertTrue(bigBody.startsWith("HTTP/1.1 413"), bigBody.substring(0, Math.min(300, bigBody.length())));
        assertStillServing();
    }

    @Test
    void aSlowClientHoldsUpNobody() throws Exception {
        try (SocketChannel slow = connect()) {
            // one byte at a time, the others served between two bytes (each byte keeps the connection from idling out)
            for (byte b : "GET /v1/info HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) {
                slow.write(ByteBuffer.wrap(new byte[] {b}));
                assertStillServing();
            }
            String answer = new String(Channels.newInputStream(slow).readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
    }

    @Test
    void aFollowerThatNeverReadsOrGoesAwayHurtsNeitherTheDaemonNorTheVm() throws Exception {
        long ticksBefore = d.client.inspect("bystander").counters().consoleBytes();
        List<SocketChannel> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SocketChannel f = connect();
            f.write(ByteBuffer.wrap("GET /v1/vms/bystander/logs?follow=true HTTP/1.1\r\nHost: k\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            followers.add(f); // never read
        }
        SocketChannel events = connect();
        events.write(ByteBuffer.wrap("GET /v1/events HTTP/1.1\r\nHost: k\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        // the followers are registered once the daemon counts them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestDaemon.HANG_GUARD_SECONDS);
        while (d.client.info().logFollowers() < 5 || d.client.info().eventFollowers() < 1) {
            assertTrue(System.nanoTime() < deadline, "followers never registered: " + d.client.info());
            Thread.sleep(10);
        }
        // the guest goes on printing, and its console never waits for the stuck followers
        long target = ticksBefore + 5_000;
        while (d.client.inspect("bystander").counters().consoleBytes() < target) {
            assertTrue(System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(120), "the guest stopped printing");
            assertStillServing();
            Thread.sleep(50);
        }
        // a reader that reads works meanwhile
        List<String> tail = new ArrayList<>();
        d.client.logs("bystander", false, null, 2, e -> tail.add(e.log()));
        assertEquals(2, tail.size());
        // the clients go away in the middle of their streams: their readers end, nothing else does
        for (SocketChannel f : followers) f.close();
        events.close();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestDaemon.HANG_GUARD_SECONDS);
        while (d.client.info().logFollowers() > 0 || d.client.info().eventFollowers() > 0) {
            assertTrue(System.nanoTime() < deadline, "readers of gone clients were never noticed: " + d.client.info());
            Thread.sleep(20);
        }
        assertStillServing();
    }
}
