package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The native image's manifest: its keys, their checks, and a writer whose every output reads back the same. */
class ManifestTest {
    /** The image's text in an error is untrusted: no control character (newline, terminal escape) gets through, found by Jazzer. */
    @Test
    void errorsShowControlCharactersEscapedAndLongLinesCut() {
        ImageException e = assertThrows(ImageException.class, () -> Manifest.parse("env\u001dPORT=80\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("manifest line 1: bad key ") && e.getMessage().contains("env\\u001dPORT"), e.getMessage());
        ImageException esc = assertThrows(ImageException.class, () -> Manifest.parse("memory_mb=\u001b[2J"));
        assertTrue(esc.getMessage().contains("\\u001b[2J") && esc.getMessage().chars().noneMatch(Character::isISOControl), esc.getMessage());
        ImageException longLine = assertThrows(ImageException.class, () -> Manifest.parse("x".repeat(100_000)));
        assertTrue(longLine.getMessage().length() < 300, longLine.getMessage().length() + " chars");
    }

    @Test
    void parsesKeysInOrderAndKeepsUnknownOnes() {
        Manifest m = Manifest.parse("name=web\nmemory_mb=128\narg=--port\narg=8080\nenv=A=1\nnet=tap0\n\n# comment\nenv=B=\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new Manifest("web", 128, List.of("--port", "8080"), List.of("A=1", "B="), List.of("net=tap0")), m);
    }

    @Test
    void ignoresNulPaddingAndCrLf() {
        Manifest m = Manifest.parse("name=x\r\narg=\r\n\0\0\0".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Manifest("x", 0, List.of(""), List.of(), List.of()), m);
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        for (String bad : List.of("name", "=v", "memory_mb=lots", "memory_mb=0", "memory_mb=99999",
                "name=a\nname=b", "env=NOEQUALS", "env==v", "name=", "bad key=v", "arg=a\0b", "arg=a\\", "arg=\\t",
                "memory_mb=1\nmemory_mb=2")) {
            ImageException e = assertThrows(ImageException.class, () -> Manifest.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("manifest line "), e.getMessage());
        }
        assertEquals("manifest line 3: name given twice",
                assertThrows(ImageException.class, () -> Manifest.parse("name=a\n# c\nname=b")).getMessage());
    }

    @Test
    void parsesAStaticAddress() {
        Manifest m = Manifest.parse("ip=10.1.2.3/24,10.1.2.1\n");
        assertEquals(new StaticIp(0x0a010203, 24, 0x0a010201), m.ip());
        assertEquals(new StaticIp(0xc0a80005, 16, 0), Manifest.parse("ip=192.168.0.5/16").ip());
        for (String bad : List.of("ip=10.1.2.3", "ip=10.1.2.3/33", "ip=10.1.2.0/24", "ip=10.1.2.255/24",
                "ip=10.1.2.3/24,10.1.3.1", "ip=10.1.2.3/24,10.1.2.3", "ip=127.0.0.2/8", "ip=300.1.2.3/24",
                "ip=10.1.2.3/24\nip=10.1.2.4/24")) {
            ImageException e = assertThrows(ImageException.class, () -> Manifest.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("manifest line "), e.getMessage());
        }
    }

    @Test
    void rejectsInvalidUtf8NamingTheLine() {
        ImageException e = assertThrows(ImageException.class,
                () -> Manifest.parse(new byte[] {'n', 'a', 'm', 'e', '=', 'a', '\n', 'a', '=', (byte) 0xff}));
        assertEquals("manifest line 2: not valid UTF-8", e.getMessage());
    }

    /** Every key, with values that need the grammar's escapes: what the writer writes, the reader reads back. */
    @Test
    void everyKeyRoundTrips() {
        Manifest m = new Manifest("svc-ü", 4096,
                List.of("a b", "", "key=value", "line\nbreak", "back\\slash", "cr\r", " spaces ", "#not a comment",
                        "ünïcödé ✓ 😀"),
                List.of("K=V", "EQ==x=y", "MULTI=a\nb", "U=ß"), List.of("future_key=x\\ny", "other.key-2="),
                StaticIp.parse("10.0.0.7/24,10.0.0.1"));
        String text = m.text();
        assertEquals(m, Manifest.parse(text));
        assertEquals(m, Manifest.parse(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(m, Manifest.parse((text + "\0\0\0").getBytes(StandardCharsets.UTF_8)));
        assertEquals(Manifest.EMPTY, Manifest.parse(Manifest.EMPTY.text()));
        Manifest noIp = new Manifest("n", 8, List.of(), List.of(), List.of());
        assertEquals(noIp, Manifest.parse(noIp.text()));
    }

    /** The constructor refuses what the reader would refuse, so the writer never writes an invalid manifest. */
    @Test
    void cannotHoldWhatTheReaderRefuses() {
        List<Runnable> bad = List.of(
                () -> new Manifest("", 64, List.of(), List.of(), List.of()),
                () -> new Manifest("x", 4097, List.of(), List.of(), List.of()),
                () -> new Manifest("x", -1, List.of(), List.of(), List.of()),
                () -> new Manifest("x", 64, List.of("nul\0"), List.of(), List.of()),
                () -> new Manifest("x", 64, List.of("\ud800"), List.of(), List.of()),
                () -> new Manifest("x", 64, List.of(), List.of("NOEQUALS"), List.of()),
                () -> new Manifest("x", 64, List.of(), List.of(), List.of("name=dup")),
                () -> new Manifest("x", 64, List.of(), List.of(), List.of("two=1\nthree=2")),
                () -> new Manifest("x", 64, List.of(), List.of(), List.of("no equals")));
        for (Runnable r : bad) assertThrows(IllegalArgumentException.class, r::run);
    }
}
