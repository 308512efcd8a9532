import java.util.Arrays;
import java.util.HexFormat;

/** java.util.HexFormat, the whole API, with HotSpot's error messages (issue 13, item 4). */
public class ApiHexFormat {
    public static void main(String[] args) {
        byte[] bytes = {0, 1, 15, 16, 127, -128, -1, 42};
        HexFormat hex = HexFormat.of();
        System.out.println(hex.formatHex(bytes) + " " + hex.formatHex(bytes, 2, 5));
        HexFormat mac = HexFormat.ofDelimiter(":").withUpperCase();
        System.out.println(mac.formatHex(bytes) + " " + mac.isUpperCase() + " " + mac.delimiter());
        HexFormat fancy = HexFormat.ofDelimiter(", ").withPrefix("0x").withSuffix("h");
        String s = fancy.formatHex(bytes);
        System.out.println(s + " -> " + Arrays.toString(fancy.parseHex(s)));
        System.out.println(fancy + " | " + fancy.withLowerCase().withUpperCase());
        System.out.println(fancy.equals(HexFormat.ofDelimiter(", ").withPrefix("0x").withSuffix("h")) + " "
                + fancy.hashCode() + " " + hex.hashCode() + " " + hex.equals(mac));
        System.out.println(Arrays.toString(hex.parseHex("00ff7F80")) + " " + Arrays.toString(hex.parseHex("xx0102yy", 2, 6))
                + " " + Arrays.toString(hex.parseHex("ab".toCharArray(), 0, 2)) + " " + hex.parseHex("").length);
        StringBuilder sb = new StringBuilder("bytes=");
        hex.formatHex(sb, bytes, 0, 3);
        hex.toHexDigits(sb.append(' '), (byte) 0xAB);
        System.out.println(sb);
        System.out.println(hex.toHexDigits((byte) 10) + " " + hex.toHexDigits('A') + " " + hex.toHexDigits((short) -2)
                + " " + hex.toHexDigits(0xCAFEBABE) + " " + hex.toHexDigits(-1L) + " " + hex.toHexDigits(255L, 4)
                + " " + hex.withUpperCase().toHexDigits(0xBEEF) + " " + hex.toHighHexDigit(0x5A) + hex.toLowHexDigit(0x5A));
        System.out.println(HexFormat.isHexDigit('f') + " " + HexFormat.isHexDigit('G') + " " + HexFormat.fromHexDigit('B')
                + " " + HexFormat.fromHexDigits("7fffffff") + " " + HexFormat.fromHexDigits("ffffffff") + " "
                + HexFormat.fromHexDigits("xx1234", 2, 6) + " " + HexFormat.fromHexDigitsToLong("8000000000000000") + " "
                + HexFormat.fromHexDigitsToLong("abc"));
        HexFormat framed = HexFormat.ofDelimiter(":").withPrefix("[").withSuffix("]").withUpperCase();
        String[] bad = {"abc", "zz", "[01]:[0x]", "[01]:[02", "[01]-[02]"};
        for (String b : bad) {
            try {
                System.out.println(Arrays.toString(framed.parseHex(b)));
            } catch (IllegalArgumentException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
        Runnable[] errors = {
            () -> hex.parseHex("abc"), () -> hex.parseHex("az"), () -> HexFormat.fromHexDigit('g'),
            () -> HexFormat.fromHexDigits("123456789"), () -> HexFormat.fromHexDigitsToLong("12345678901234567"),
            () -> hex.toHexDigits(1L, 17), () -> HexFormat.fromHexDigits("12x4"), () -> hex.formatHex(new byte[3], 2, 5),
            () -> hex.parseHex("abcd", 1, 9)};
        for (Runnable r : errors) {
            try {
                r.run();
                System.out.println("no exception");
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
