package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one manifest grammar: its reader, its writer, and hostile text. */
class ManifestTextTest {
    @Test
    void readsEntriesWithLineNumbersAndEscapes() {
        ManifestText t = ManifestText.parse("# c\n\na=1\r\nb=x\\ny\\\\z\\r\n  \nA.b-c_9=\nk==v=\n");
        assertEquals(List.of(new ManifestText.Entry(3, "a", "1"), new ManifestText.Entry(4, "b", "x\ny\\z\r"),
                new ManifestText.Entry(6, "A.b-c_9", ""), new ManifestText.Entry(7, "k", "=v=")), t.entries());
    }

    @Test
    void refusesHostileTextWithOneLineNamingTheLine() {
        List<String> hostile = List.of("novalue", "=v", "9key=v", "k y=v", "k=\\", "k=a\\x", "k=\0", "a=1\nb=\\q",
                "\u001b[31m=red", "k\u202e=v", "é=v");
        for (String text : hostile) {
            String m = assertThrows(ImageException.class, () -> ManifestText.parse(text), text).getMessage();
            assertTrue(m.matches("manifest line [0-9]+: [^\\n\\r\u001b\u202e]+"), m);
        }
        assertEquals("manifest line 2: unknown escape \\q in the value of b (only \\\\, \\n and \\r)",
                assertThrows(ImageException.class, () -> ManifestText.parse("a=1\nb=\\q")).getMessage());
    }

    @Test
    void writerOutputReadsBackForAnyText() {
        Random random = new Random(9);
        for (int round = 0; round < 2000; round++) {
            StringBuilder v = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                int c = switch (random.nextInt(6)) {
                    case 0 -> "\\\n\r=# ".charAt(random.nextInt(6));
                    case 1 -> 1 + random.nextInt(0x7f);
                    case 2 -> 0x80 + random.nextInt(0x700);
                    case 3 -> 0x1f600 + random.nextInt(0x40);
                    default -> 'a' + random.nextInt(26);
                };
                v.appendCodePoint(c);
            }
            String value = v.toString();
            byte[] bytes = ManifestText.writer().add("k", value).add("k", value).bytes();
            List<ManifestText.Entry> read = ManifestText.parse(bytes).entries();
            assertEquals(List.of(new ManifestText.Entry(1, "k", value), new ManifestText.Entry(2, "k", value)), read);
        }
    }

    @Test
    void writerRefusesWhatCannotBeRead() {
        assertThrows(IllegalArgumentException.class, () -> ManifestText.writer().add("bad key", "v"));
        assertThrows(IllegalArgumentException.class, () -> ManifestText.writer().add("k", "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> ManifestText.writer().add("k", "\udc00"));
        assertFalse(ManifestText.isKey(""));
        assertTrue(ManifestText.isKey("_a.b-1"));
    }

    @Test
    void quotesHostileTextOnOneLine() {
        assertEquals("\"a\\u000ab\\u001b\\u202e\"", ManifestText.quote("a\nb\u001b\u202e"));
        assertEquals("\"😀 ü\"", ManifestText.quote("😀 ü"));
        assertEquals(65, ManifestText.quote("x".repeat(100)).length());
        assertEquals("k=a\\nb", ManifestText.line("k", "a\nb"));
        assertEquals("k=a ", ManifestText.line("k", "a "));
        assertEquals(List.of(new ManifestText.Entry(1, "k", "é")),
                ManifestText.parse("k=é".getBytes(StandardCharsets.UTF_8)).entries());
    }
}
