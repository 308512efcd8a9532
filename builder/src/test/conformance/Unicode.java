import java.nio.charset.StandardCharsets;

public class Unicode {
    public static void main(String[] args) {
        String s = "Grüße, 世界! Ω≈ç √ 😀🚀";
        System.out.println(s);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        System.out.println(utf8.length + " " + s.length() + " " + s.codePointCount(0, s.length()));
        String back = new String(utf8, StandardCharsets.UTF_8);
        System.out.println(back.equals(s) + " " + back.toUpperCase() + " " + "ÀÉÎ".toLowerCase());
        StringBuilder cps = new StringBuilder();
        s.codePoints().limit(8).forEach(cp -> cps.append(Integer.toHexString(cp)).append(' '));
        System.out.println(cps.toString().trim());
        System.out.println(Character.isLetter('ü') + " " + Character.isDigit('٣') + " " + Character.getNumericValue('٣') + " "
                + Character.isUpperCase('Ω') + " " + Character.toChars(0x1F600).length + " " + Character.isWhitespace('\t'));
        System.out.println(new StringBuilder("ab😀cd").reverse() + " " + "😀".length() + " " + Character.isSurrogate("😀".charAt(0)));
        byte[] latin = "café".getBytes(StandardCharsets.ISO_8859_1);
        System.out.println(latin.length + " " + new String(latin, StandardCharsets.ISO_8859_1) + " " + (latin[3] & 0xff));
        System.out.println("\u0041\u00e9\u4e2d " + (int) 'é' + " " + (char) 0x263A);
    }
}
