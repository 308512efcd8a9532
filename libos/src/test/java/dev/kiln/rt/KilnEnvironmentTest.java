package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * KilnEnvironment decodes the environment's UTF-8 by hand (no charset decoder in the image): it
 * must give what the JDK's decoder gives, malformed input included.
 */
class KilnEnvironmentTest {
    private static void same(byte[] b) {
        assertEquals(new String(b, StandardCharsets.UTF_8), KilnEnvironment.decode(b), () -> java.util.HexFormat.of().formatHex(b));
    }

    @Test
    void wellFormedUtf8DecodesAsTheJdksDecoder() {
        for (String s : new String[] {"", "PORT", "8080", "caf\u00e9", "\u20ac 100", "\ud83d\ude00 smile", "a=b=c",
            "\u0000x", "\uffff", "\u07ff\u0800\ud7ff\ue000\ud800\udc00\udbff\udfff"}) {
            same(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void malformedUtf8IsReplacedAsTheJdksDecoderReplacesIt() {
        int[][] cases = {{0x80}, {0xc0, 0x80}, {0xc1, 0xbf}, {0xe0, 0x80, 0x80}, {0xed, 0xa0, 0x80}, {0xf0, 0x80, 0x80, 0x80},
            {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80}, {0xff}, {0xe2, 0x82}, {0xe2, 0x82, 0x41}, {0xf0, 0x9f, 0x98}, {0xc3},
            {0x41, 0xc3, 0xc3, 0xa9}, {0xf0, 0x9f, 0x41}};
        for (int[] c : cases) {
            byte[] b = new byte[c.length];
            for (int i = 0; i < c.length; i++) b[i] = (byte) c[i];
            same(b);
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[r.nextInt(1, 8)];
            for (int j = 0; j < b.length; j++) {
                // mostly lead and continuation bytes, where the cases are
                b[j] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 0x80 + r.nextInt(0x78));
            }
            same(b);
        }
    }
}
