package dev.kiln.vmm.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing of GDB's remote serial protocol, read from the debugger's socket: {@code $data#cc}
 * packets (checksum: the sum of the data bytes modulo 256, two hex digits), acknowledgements
 * ({@code +}, {@code -}) and the interrupt byte 0x03 (Ctrl-C) between packets. Every byte is
 * untrusted: a packet longer than {@link #MAX_PACKET} or with a bad checksum is reported as
 * such, never buffered without bound; binary data escaped with {@code }} is unescaped, and
 * run-length encoding (which gdb never sends to a stub) is refused.
 */
public final class RspReader {
    /** The packet size the stub advertises (qSupported PacketSize); longer packets are refused. */
    public static final int MAX_PACKET = 16384;

    /** What arrived: a packet, an interrupt, or a packet that must be answered with '-'. */
    public sealed interface Event {}

    public record Packet(String data) implements Event {}

    public record Interrupt() implements Event {}

    /** A frame the stub cannot take (bad checksum, too long): nak it, gdb sends it again. */
    public record Malformed(String why) implements Event {}

    private final InputStream in;

    public RspReader(InputStream in) {
        this.in = in;
    }

    /** The next event; null at the end of the stream. Acknowledgements are skipped. */
    public Event next() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) return null;
            if (b == 0x03) return new Interrupt();
            if (b != '$') continue; // '+', '-', and noise between packets
            return packet();
        }
    }

    private Event packet() throws IOException {
        byte[] data = new byte[256];
        int n = 0, sum = 0;
        boolean escaped = false;
        String problem = null;
        while (true) {
            int b = in.read();
            if (b < 0) return null;
            if (b == '#' && !escaped) break;
            if (b == '$' && !escaped) { // a new packet starts: the last one was cut off
                n = 0;
                sum = 0;
                problem = null;
                continue;
            }
            sum = (sum + b) & 0xff;
            if (escaped) {
                b ^= 0x20;
                escaped = false;
            } else if (b == '}') {
                escaped = true;
                continue;
            } else if (b == '*') {
                problem = "run-length encoding from the debugger";
            }
            if (n == MAX_PACKET) {
                problem = "a packet over " + MAX_PACKET + " bytes";
                continue;
            }
            if (n == data.length) data = java.util.Arrays.copyOf(data, Math.min(MAX_PACKET, n * 2));
            data[n++] = (byte) b;
        }
        int c1 = in.read(), c2 = c1 < 0 ? -1 : in.read();
        if (c2 < 0) return null; // the stream ended inside the packet
        int hi = Character.digit(c1, 16), lo = Character.digit(c2, 16);
        if (hi < 0 || lo < 0) return new Malformed("a checksum that is not two hex digits");
        if ((hi << 4 | lo) != sum) return new Malformed("a bad checksum");
        if (problem != null) return new Malformed(problem);
        return new Packet(new String(data, 0, n, StandardCharsets.ISO_8859_1));
    }

    /** {@code $data#cc} for data (binary-safe: the characters that need it are escaped). */
    public static byte[] frame(String data) {
        StringBuilder out = new StringBuilder(data.length() + 4).append('$');
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '$' || c == '#' || c == '}' || c == '*') {
                out.append('}');
                sum += '}';
                c ^= 0x20;
            }
            out.append(c);
            sum += c;
        }
        out.append('#').append(String.format("%02x", sum & 0xff));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
