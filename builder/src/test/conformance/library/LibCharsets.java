import java.nio.*;
import java.nio.charset.*;
import java.util.Arrays;

/** Charsets: UTF-8/16/16BE/16LE, ISO-8859-1 and US-ASCII encode and decode, malformed input replaced by U+FFFD, unmappable characters by '?', CharsetDecoder/Encoder with REPORT, names. */
public class LibCharsets {
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }

    static String codes(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c) : String.format("<%x>", c)));
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        String text = "A\u00e9\u20ac\uD83D\uDE00z";
        Charset[] sets = {StandardCharsets.UTF_8, StandardCharsets.UTF_16, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII};
        for (Charset cs : sets) {
            byte[] enc = text.getBytes(cs);
            System.out.println(cs.name() + ": " + hex(enc) + " -> " + codes(new String(enc, cs)) + " canEncode=" + cs.newEncoder().canEncode(text));
        }
        byte[][] malformed = {{(byte) 0xC3}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, 0x41}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {0x61, (byte) 0x80, 0x62}};
        for (byte[] m : malformed) {
            System.out.println("utf8 " + hex(m) + " -> " + codes(new String(m, StandardCharsets.UTF_8)) + " ascii -> " + codes(new String(m, StandardCharsets.US_ASCII)));
        }
        System.out.println("utf16 odd length -> " + codes(new String(new byte[] {0, 0x41, 0}, StandardCharsets.UTF_16BE)) + " lone surrogate encode utf8 -> "
                + hex("x\uD800y".getBytes(StandardCharsets.UTF_8)) + " latin1 -> " + hex("\u20ac\u00ff".getBytes(StandardCharsets.ISO_8859_1)) + " utf16 BOM LE -> "
                + codes(new String(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, 0}, StandardCharsets.UTF_16)));
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(new byte[] {0x61, (byte) 0xC3, 0x28}));
        } catch (CharacterCodingException e) {
            System.out.println("REPORT decode: " + e.getClass().getSimpleName());
        }
        CharsetEncoder asciiEnc = StandardCharsets.US_ASCII.newEncoder();
        try {
            asciiEnc.encode(CharBuffer.wrap("ok\u00e9"));
        } catch (CharacterCodingException e) {
            System.out.println("REPORT encode: " + e.getClass().getSimpleName());
        }
        ByteBuffer replaced = StandardCharsets.US_ASCII.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap("caf\u00e9"));
        System.out.println("REPLACE encode " + hex(Arrays.copyOf(replaced.array(), replaced.limit())) + " IGNORE decode "
                + StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE).decode(ByteBuffer.wrap(new byte[] {0x61, (byte) 0xFF, 0x62})));
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap("h\u00e9llo".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode("hi");
        System.out.println("Charset.decode " + decoded + " encode " + hex(Arrays.copyOf(encoded.array(), encoded.limit())) + " averageCharsPerByte latin1=" + StandardCharsets.ISO_8859_1.newDecoder().averageCharsPerByte());
        for (String name : new String[] {"UTF-8", "utf-8", "ISO-8859-1", "US-ASCII", "UTF-16LE", "x-no-such"}) {
            try {
                System.out.print(name + "=" + Charset.forName(name).name() + " ");
            } catch (UnsupportedCharsetException e) {
                System.out.print(name + "=unsupported ");
            }
        }
        System.out.println();
        System.out.println("isSupported " + Charset.isSupported("UTF-8") + " " + Charset.isSupported("x-no-such") + " default " + Charset.defaultCharset().name() + " equals "
                + Charset.forName("utf-8").equals(StandardCharsets.UTF_8) + " string name " + new String("\u00e9".getBytes("UTF-8"), "ISO-8859-1"));
        try {
            Charset.forName("bad name!");
        } catch (IllegalCharsetNameException e) {
            System.out.println("illegal name: " + e.getCharsetName());
        }
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x800; c += 37) {
            all.appendCodePoint(c);
        }
        all.appendCodePoint(0x10FFFF).appendCodePoint(0xFFFD).appendCodePoint(0x10000);
        byte[] u8 = all.toString().getBytes(StandardCharsets.UTF_8);
        byte[] u16 = all.toString().getBytes(StandardCharsets.UTF_16);
        System.out.println("roundtrip utf8 " + u8.length + " " + all.toString().equals(new String(u8, StandardCharsets.UTF_8)) + " utf16 " + u16.length);
    }
}
