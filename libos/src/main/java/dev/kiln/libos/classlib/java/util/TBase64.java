package dev.kiln.libos.classlib.java.util;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * java.util.Base64 in native images, replacing TeaVM's, which had only the basic and URL-safe
 * coders of byte arrays and strings (no MIME, no streams, no ByteBuffers). Written from the JDK's
 * Javadoc (RFC 4648 and RFC 2045); the exception messages are HotSpot 25's. Decoding a wrapped
 * stream reads it to its end on the first read.
 */
public final class TBase64 {
    private static final byte[] BASIC = alphabet('+', '/');
    private static final byte[] URL = alphabet('-', '_');
    private static final int[] BASIC_VALUES = values(BASIC);
    private static final int[] URL_VALUES = values(URL);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MIME_LINE = 76;

    private TBase64() {
    }

    private static byte[] alphabet(char c62, char c63) {
        byte[] a = new byte[64];
        for (int i = 0; i < 26; i++) {
            a[i] = (byte) ('A' + i);
            a[i + 26] = (byte) ('a' + i);
        }
        for (int i = 0; i < 10; i++) {
            a[i + 52] = (byte) ('0' + i);
        }
        a[62] = (byte) c62;
        a[63] = (byte) c63;
        return a;
    }

    /** Each byte's value in the alphabet, -1 for other bytes, -2 for the padding '='. */
    private static int[] values(byte[] alphabet) {
        int[] v = new int[256];
        Arrays.fill(v, -1);
        for (int i = 0; i < 64; i++) {
            v[alphabet[i]] = i;
        }
        v['='] = -2;
        return v;
    }

    public static Encoder getEncoder() {
        return new Encoder(BASIC, null, -1, true);
    }

    public static Encoder getUrlEncoder() {
        return new Encoder(URL, null, -1, true);
    }

    public static Encoder getMimeEncoder() {
        return new Encoder(BASIC, CRLF, MIME_LINE, true);
    }

    /** lineLength is rounded down to a multiple of 4; zero or less means no line breaks. */
    public static Encoder getMimeEncoder(int lineLength, byte[] lineSeparator) {
        if (lineSeparator == null) {
            throw new NullPointerException();
        }
        for (byte b : lineSeparator) {
            if (BASIC_VALUES[b & 0xFF] != -1) {
                throw new IllegalArgumentException("Illegal base64 line separator character 0x" + Integer.toString(b, 16));
            }
        }
        lineLength &= ~3;
        if (lineLength <= 0) {
            return new Encoder(BASIC, null, -1, true);
        }
        return new Encoder(BASIC, lineSeparator.clone(), lineLength, true);
    }

    public static Decoder getDecoder() {
        return new Decoder(BASIC_VALUES, false);
    }

    public static Decoder getUrlDecoder() {
        return new Decoder(URL_VALUES, false);
    }

    public static Decoder getMimeDecoder() {
        return new Decoder(BASIC_VALUES, true);
    }

    public static class Encoder {
        private final byte[] alphabet;
        private final byte[] newline;
        private final int lineMax;
        private final boolean padding;

        Encoder(byte[] alphabet, byte[] newline, int lineMax, boolean padding) {
            this.alphabet = alphabet;
            this.newline = newline;
            this.lineMax = lineMax;
            this.padding = padding;
        }

        private int encodedLength(int n) {
            long len = padding ? 4L * ((n + 2L) / 3) : 4L * (n / 3) + (n % 3 == 0 ? 0 : n % 3 + 1);
            if (lineMax > 0 && len > 0) {
                len += (len - 1) / lineMax * newline.length;
            }
            if (len > Integer.MAX_VALUE) {
                throw new OutOfMemoryError("Encoded size is too large");
            }
            return (int) len;
        }

        public byte[] encode(byte[] src) {
            byte[] dst = new byte[encodedLength(src.length)];
            int n = encode(src, 0, src.length, dst);
            return n == dst.length ? dst : Arrays.copyOf(dst, n);
        }

        public int encode(byte[] src, byte[] dst) {
            if (dst.length < encodedLength(src.length)) {
                throw new IllegalArgumentException("Output byte array is too small for encoding all input bytes");
            }
            return encode(src, 0, src.length, dst);
        }

        public String encodeToString(byte[] src) {
            return new String(encode(src), StandardCharsets.ISO_8859_1);
        }

        /** The remaining bytes, encoded into a new buffer; the source's position moves to its limit. */
        public ByteBuffer encode(ByteBuffer buffer) {
            byte[] src = new byte[buffer.remaining()];
            buffer.get(src);
            return ByteBuffer.wrap(encode(src));
        }

        public OutputStream wrap(OutputStream os) {
            if (os == null) {
                throw new NullPointerException();
            }
            return new EncodingStream(os, this);
        }

        public Encoder withoutPadding() {
            return padding ? new Encoder(alphabet, newline, lineMax, false) : this;
        }

        private int encode(byte[] src, int from, int to, byte[] dst) {
            int dp = 0;
            int linePos = 0;
            int sp = from;
            while (to - sp >= 3) {
                if (lineMax > 0 && linePos == lineMax) {
                    dp = newline(dst, dp);
                    linePos = 0;
                }
                int bits = (src[sp] & 0xFF) << 16 | (src[sp + 1] & 0xFF) << 8 | (src[sp + 2] & 0xFF);
                sp += 3;
                dst[dp++] = alphabet[bits >>> 18];
                dst[dp++] = alphabet[(bits >>> 12) & 0x3F];
                dst[dp++] = alphabet[(bits >>> 6) & 0x3F];
                dst[dp++] = alphabet[bits & 0x3F];
                linePos += 4;
            }
            if (sp < to) {
                if (lineMax > 0 && linePos == lineMax) {
                    dp = newline(dst, dp);
                }
                int b0 = src[sp] & 0xFF;
                dst[dp++] = alphabet[b0 >> 2];
                if (sp + 1 == to) {
                    dst[dp++] = alphabet[(b0 << 4) & 0x3F];
                    if (padding) {
                        dst[dp++] = '=';
                        dst[dp++] = '=';
                    }
                } else {
                    int b1 = src[sp + 1] & 0xFF;
                    dst[dp++] = alphabet[(b0 << 4) & 0x3F | (b1 >> 4)];
                    dst[dp++] = alphabet[(b1 << 2) & 0x3F];
                    if (padding) {
                        dst[dp++] = '=';
                    }
                }
            }
            return dp;
        }

        /** The characters of n (1 to 3) bytes, padded as this encoder pads, without line separators. */
        byte[] withPaddingOf(byte[] group, int n) {
            byte[] chars = new byte[4];
            int len = new Encoder(alphabet, null, -1, padding).encode(group, 0, n, chars);
            return len == 4 ? chars : Arrays.copyOf(chars, len);
        }

        private int newline(byte[] dst, int dp) {
            System.arraycopy(newline, 0, dst, dp, newline.length);
            return dp + newline.length;
        }
    }

    /**
     * Encodes as it is written: whole groups of three bytes at once, the last one or two (with their
     * padding) at close, a line separator before the output that would go past the line length.
     */
    private static final class EncodingStream extends FilterOutputStream {
        private final Encoder encoder;
        private final byte[] pending = new byte[3];
        private int pendingCount;
        private int linePos;
        private boolean closed;

        EncodingStream(OutputStream out, Encoder encoder) {
            super(out);
            this.encoder = encoder;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("Stream is closed");
            }
            if (off < 0 || len < 0 || len > b.length - off) {
                throw new ArrayIndexOutOfBoundsException();
            }
            for (int i = 0; i < len; i++) {
                pending[pendingCount++] = b[off + i];
                if (pendingCount == 3) {
                    emit(encoder.withPaddingOf(pending, 3));
                    pendingCount = 0;
                }
            }
        }

        private void emit(byte[] chars) throws IOException {
            for (byte c : chars) {
                if (encoder.lineMax > 0 && linePos == encoder.lineMax) {
                    out.write(encoder.newline);
                    linePos = 0;
                }
                out.write(c);
                linePos++;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (pendingCount > 0) {
                    emit(encoder.withPaddingOf(pending, pendingCount));
                }
                out.close();
            }
        }
    }

    public static class Decoder {
        private final int[] values;
        private final boolean mime;

        Decoder(int[] values, boolean mime) {
            this.values = values;
            this.mime = mime;
        }

        public byte[] decode(byte[] src) {
            checkLength(src.length);
            byte[] dst = new byte[src.length / 4 * 3 + 3];
            int n = decode(src, src.length, dst);
            return Arrays.copyOf(dst, n);
        }

        public byte[] decode(String src) {
            return decode(src.getBytes(StandardCharsets.ISO_8859_1));
        }

        public int decode(byte[] src, byte[] dst) {
            checkLength(src.length);
            byte[] out = new byte[src.length / 4 * 3 + 3];
            int n = decode(src, src.length, out);
            if (dst.length < n) {
                throw new IllegalArgumentException("Output byte array is too small for decoding all input bytes");
            }
            System.arraycopy(out, 0, dst, 0, n);
            return n;
        }

        /** The remaining bytes, decoded into a new buffer; on an error the source's position is left as it was. */
        public ByteBuffer decode(ByteBuffer buffer) {
            int pos = buffer.position();
            byte[] src = new byte[buffer.remaining()];
            buffer.get(src);
            try {
                return ByteBuffer.wrap(decode(src));
            } catch (IllegalArgumentException e) {
                buffer.position(pos);
                throw e;
            }
        }

        public InputStream wrap(InputStream is) {
            if (is == null) {
                throw new NullPointerException();
            }
            return new DecodingStream(is, this);
        }

        private void checkLength(int len) {
            if (len == 1 && !mime) {
                throw new IllegalArgumentException("Input byte[] should at least have 2 bytes for base64 bytes");
            }
        }

        private int decode(byte[] src, int sl, byte[] dst) {
            int dp = 0;
            int bits = 0;
            int shift = 18;
            int sp = 0;
            while (sp < sl) {
                int v = values[src[sp++] & 0xFF];
                if (v < 0) {
                    if (v == -2) {
                        // '=' ends the data: after two characters a second '=' must follow
                        if (shift == 6 && (sp == sl || src[sp++] != '=') || shift == 18) {
                            throw new IllegalArgumentException("Input byte array has wrong 4-byte ending unit");
                        }
                        break;
                    }
                    if (mime) {
                        continue;
                    }
                    throw new IllegalArgumentException("Illegal base64 character " + Integer.toString(src[sp - 1], 16));
                }
                bits |= v << shift;
                shift -= 6;
                if (shift < 0) {
                    dst[dp++] = (byte) (bits >> 16);
                    dst[dp++] = (byte) (bits >> 8);
                    dst[dp++] = (byte) bits;
                    shift = 18;
                    bits = 0;
                }
            }
            if (shift == 6) {
                dst[dp++] = (byte) (bits >> 16);
            } else if (shift == 0) {
                dst[dp++] = (byte) (bits >> 16);
                dst[dp++] = (byte) (bits >> 8);
            } else if (shift == 12) {
                throw new IllegalArgumentException("Last unit does not have enough valid bits");
            }
            while (sp < sl) {
                if (mime && values[src[sp++] & 0xFF] < 0) {
                    continue;
                }
                throw new IllegalArgumentException("Input byte array has incorrect ending byte at " + sp);
            }
            return dp;
        }
    }

    /** Reads the whole wrapped stream at the first read and decodes it; a decoding error is an IOException. */
    private static final class DecodingStream extends InputStream {
        private final InputStream in;
        private final Decoder decoder;
        private byte[] data;
        private int pos;
        private boolean closed;

        DecodingStream(InputStream in, Decoder decoder) {
            this.in = in;
            this.decoder = decoder;
        }

        private void fill() throws IOException {
            if (closed) {
                throw new IOException("Stream is closed");
            }
            if (data == null) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0;) {
                    all.write(buf, 0, n);
                }
                try {
                    data = decoder.decode(all.toByteArray());
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage());
                }
            }
        }

        @Override
        public int read() throws IOException {
            fill();
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (off < 0 || len < 0 || len > b.length - off) {
                throw new IndexOutOfBoundsException();
            }
            fill();
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            fill();
            return data.length - pos;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                in.close();
            }
        }
    }
}
