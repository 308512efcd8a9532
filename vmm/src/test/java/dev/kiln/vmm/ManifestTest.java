package dev.kiln.vmm;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {
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

    /** The image's text in an error is untrusted: no control character (newline, terminal escape) gets through, found by Jazzer. */
    @Test
    void errorsShowControlCharactersEscapedAndLongLinesCut() {
        ImageException e = assertThrows(ImageException.class, () -> Manifest.parse("env\u001dPORT=80\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("manifest line 1: bad key \"env\\x1dPORT\"", e.getMessage());
        ImageException esc = assertThrows(ImageException.class, () -> Manifest.parse("memory_mb=\u001b[2J"));
        assertTrue(esc.getMessage().contains("\\x1b[2J") && esc.getMessage().chars().noneMatch(Character::isISOControl), esc.getMessage());
        ImageException longLine = assertThrows(ImageException.class, () -> Manifest.parse("x".repeat(100_000)));
        assertTrue(longLine.getMessage().length() < 300, longLine.getMessage().length() + " chars");
    }

    @Test
    void rejectsMalformedLines() {
        for (String bad : List.of("name", "=v", "memory_mb=lots", "memory_mb=0", "memory_mb=99999",
                "name=a\nname=b", "env=NOEQUALS", "env==v", "name=", "bad key=v", "arg=a\0b")) {
            ImageException e = assertThrows(ImageException.class, () -> Manifest.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("manifest line "), e.getMessage());
        }
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
    void rejectsInvalidUtf8() {
        assertThrows(ImageException.class, () -> Manifest.parse(new byte[] {'a', '=', (byte) 0xff}));
    }
}
