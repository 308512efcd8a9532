import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** TeaVM's charsets: overlong UTF-8 accepted, aliases unknown, toString, maxBytesPerChar, MalformedInputException's message. */
public class DiffCharsets {
    static String hex(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(Integer.toHexString(c)).append(' '));
        return b.toString().trim();
    }

    public static void main(String[] args) {
        System.out.println("C0 AF: " + hex(new String(new byte[] {(byte) 0xc0, (byte) 0xaf}, StandardCharsets.UTF_8)));
        System.out.println("F4 90 80 80: " + hex(new String(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                StandardCharsets.UTF_8)));
        for (String alias : new String[] {"utf8", "latin1", "ascii", "ISO8859_1"}) {
            try {
                System.out.println(alias + ": " + Charset.forName(alias).name());
            } catch (RuntimeException e) {
                System.out.println(alias + ": " + e.getClass().getSimpleName());
            }
        }
        System.out.println("toString " + StandardCharsets.UTF_8);
        System.out.println("maxBytesPerChar " + StandardCharsets.UTF_8.newEncoder().maxBytesPerChar());
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(new byte[] {'a', (byte) 0xff}));
        } catch (CharacterCodingException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("end of DiffCharsets");
    }
}
