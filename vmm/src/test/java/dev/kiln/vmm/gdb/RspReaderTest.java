package dev.kiln.vmm.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The GDB packet framing as the debugger's bytes reach it: good packets, bad ones, and garbage. */
class RspReaderTest {
    private static RspReader reader(String bytes) {
        return new RspReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static RspReader reader(byte[] bytes) {
        return new RspReader(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsPacketsAcksAndInterrupts() throws IOException {
        String stream = "+" + new String(RspReader.frame("qSupported:swbreak+"), StandardCharsets.ISO_8859_1)
                + "\u0003-" + new String(RspReader.frame("m4000,4"), StandardCharsets.ISO_8859_1);
        RspReader r = reader(stream);
        assertEquals(new RspReader.Packet("qSupported:swbreak+"), r.next());
        assertInstanceOf(RspReader.Interrupt.class, r.next());
        assertEquals(new RspReader.Packet("m4000,4"), r.next());
        assertNull(r.next());
    }

    @Test
    void theChecksumIsChecked() throws IOException {
        assertEquals(new RspReader.Packet("g"), reader("$g#67").next());
        assertInstanceOf(RspReader.Malformed.class, reader("$g#68").next());
        assertInstanceOf(RspReader.Malformed.class, reader("$g#zz").next());
        assertNull(reader("$g#6").next(), "a stream that ends inside a packet");
    }

    @Test
    void escapedBytesRoundTrip() throws IOException {
        String data = "X1000,4:$#}*" + (char) 0xff;
        assertEquals(new RspReader.Packet(data), reader(RspReader.frame(data)).next());
    }

    @Test
    void anOversizedPacketIsRefusedNotBuffered() throws IOException {
        String big = "M0," + "a".repeat(RspReader.MAX_PACKET * 4);
        RspReader.Event e = reader(RspReader.frame(big)).next();
        assertTrue(e instanceof RspReader.Malformed m && m.why().contains("over"), String.valueOf(e));
    }

    @Test
    void runLengthEncodingFromTheDebuggerIsRefused() throws IOException {
        int sum = 0;
        for (char c : "0* ".toCharArray()) sum += c;
        assertInstanceOf(RspReader.Malformed.class, reader("$0* #" + String.format("%02x", sum & 0xff)).next());
    }

    @Test
    void randomBytesNeverThrow() throws IOException {
        Random random = new Random(14);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) b[0] = '$';
            RspReader r = reader(b);
            for (int n = 0; n < 300 && r.next() != null; n++) {
                // every event is one of the three kinds; the stream ends
            }
        }
    }

    @Test
    void hexNumbersAreBounded() {
        assertEquals(0x401000L, Hex.parse("401000", 8));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("", 8));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("12345678123456781", 8));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("-1", 8));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("１", 8)); // a fullwidth digit
        assertThrows(IllegalArgumentException.class, () -> Hex.bytes("abc", 8));
        assertEquals("78563412", Hex.littleEndian(0x12345678L, 4));
    }

    @Test
    void endpointsAreLoopbackOrUnixOnly() {
        assertEquals("/127.0.0.1:1234", GdbServer.endpoint("127.0.0.1:1234").toString().replaceFirst("^localhost", ""));
        assertEquals("/tmp/g.sock", ((java.net.UnixDomainSocketAddress) GdbServer.endpoint("unix:/tmp/g.sock")).getPath().toString());
        String m = assertThrows(IllegalArgumentException.class, () -> GdbServer.endpoint("0.0.0.0:1234")).getMessage();
        assertTrue(m.contains("loopback"), m);
        assertThrows(IllegalArgumentException.class, () -> GdbServer.endpoint("10.0.0.1:1234"));
        assertThrows(IllegalArgumentException.class, () -> GdbServer.endpoint("127.0.0.1:70000"));
        assertThrows(IllegalArgumentException.class, () -> GdbServer.endpoint("127.0.0.1:x"));
    }
}
