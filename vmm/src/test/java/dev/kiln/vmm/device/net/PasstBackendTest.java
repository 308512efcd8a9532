package dev.kiln.vmm.device.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.MappedGuest;
import dev.kiln.vmm.memory.GuestRange;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * passt's stream protocol on a real unix socket, the peer playing passt: frames split across
 * reads are handed over only whole, several frames in one read one by one, a frame longer than
 * the guest's buffer truncated without losing the stream's step, a frame sent as its length
 * and bytes, a broken length and the peer's end as errors.
 */
class PasstBackendTest {
    private MappedGuest g;
    private Path dir;
    private SocketChannel peer;
    private PasstBackend backend;

    @BeforeEach
    void connect() throws Exception {
        g = new MappedGuest();
        dir = Files.createTempDirectory("kiln-passt-test");
        Path path = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            int fd = Errno.check(Libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0), "socket");
            assertEquals(0, Libc.connectUnix(fd, path.toString()));
            peer = server.accept();
            backend = new PasstBackend(fd, "passt test");
        }
    }

    @AfterEach
    void close() throws Exception {
        backend.close();
        peer.close();
        Files.deleteIfExists(dir.resolve("s.sock"));
        Files.deleteIfExists(dir);
        g.close();
    }

    private GuestRange buffer(long len) {
        return g.memory.writable(g.layout.heapStart, len, "rx buffer");
    }

    private void peerWrites(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) peer.write(b);
    }

    private static byte[] frame(int len, int seed) {
        byte[] f = new byte[len];
        for (int i = 0; i < len; i++) f[i] = (byte) (seed + i);
        return f;
    }

    private static byte[] framed(byte[]... frames) {
        int total = 0;
        for (byte[] f : frames) total += 4 + f.length;
        ByteBuffer b = ByteBuffer.allocate(total);
        for (byte[] f : frames) b.putInt(f.length).put(f);
        return b.array();
    }

    private static byte[] read(GuestRange r, int len) {
        byte[] out = new byte[len];
        r.copyTo(0, out, 0, len);
        return out;
    }

    @Test
    void aFrameSplitAcrossReadsIsHandedOverWhole() throws Exception {
        GuestRange buf = buffer(2048);
        byte[] f = frame(60, 7);
        byte[] wire = framed(f);
        assertEquals(0, backend.receive(buf), "nothing sent yet");
        peerWrites(java.util.Arrays.copyOfRange(wire, 0, 4)); // the length alone
        assertEquals(0, backend.receive(buf));
        peerWrites(java.util.Arrays.copyOfRange(wire, 4, 30));
        assertEquals(0, backend.receive(buf));
        peerWrites(java.util.Arrays.copyOfRange(wire, 30, wire.length));
        assertEquals(60, backend.receive(buf));
        assertArrayEquals(f, read(buf, 60));
        assertEquals(0, backend.receive(buf));
    }

    @Test
    void framesOfOneReadComeOneByOneAndALongOneIsTruncatedInStep() throws Exception {
        GuestRange buf = buffer(100);
        byte[] a = frame(42, 1), b = frame(300, 2), c = frame(60, 3);
        peerWrites(framed(a, b, c));
        assertEquals(42, backend.receive(buf));
        assertArrayEquals(a, read(buf, 42));
        assertEquals(100, backend.receive(buf), "truncated to the guest's buffer");
        assertArrayEquals(java.util.Arrays.copyOf(b, 100), read(buf, 100));
        assertEquals(60, backend.receive(buf), "the stream kept its step");
        assertArrayEquals(c, read(buf, 60));
        assertEquals(0, backend.receive(buf));
    }

    @Test
    void aSentFrameIsItsLengthThenItsBytes() throws Exception {
        byte[] f = frame(1514, 9);
        GuestRange out = buffer(1514);
        out.copyFrom(f, 0, 0, f.length);
        assertTrue(backend.send(g.memory.readable(g.layout.heapStart, 1514, "tx frame")));
        ByteBuffer got = ByteBuffer.allocate(4 + 1514);
        while (got.hasRemaining()) peer.read(got);
        got.flip();
        assertEquals(1514, got.getInt());
        byte[] body = new byte[1514];
        got.get(body);
        assertArrayEquals(f, body);
    }

    @Test
    void aBrokenLengthIsAnError() throws Exception {
        GuestRange buf = buffer(2048);
        peerWrites(new byte[] {0, 1, 0, 0}); // 65536: more than a frame can be
        IOException broken = assertThrows(IOException.class, () -> backend.receive(buf));
        assertTrue(broken.getMessage().contains("frame length of 65536"), broken.getMessage());
    }

    @Test
    void thePeersEndIsAnError() throws Exception {
        GuestRange buf = buffer(2048);
        peer.close();
        IOException ended = assertThrows(IOException.class, () -> backend.receive(buf));
        assertTrue(ended.getMessage().contains("closed the connection (passt ended)"), ended.getMessage());
    }
}
