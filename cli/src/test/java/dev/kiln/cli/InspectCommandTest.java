package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln inspect on images the image fuzzer broke (kiln fuzz images): each is refused with one
 * clear line and exit status 125, never a stack trace, an out-of-memory or a line of raw bytes.
 */
class InspectCommandTest {
    @TempDir
    Path tmp;

    private Path broken(String name, java.util.function.Consumer<ByteBuffer> edit) throws Exception {
        byte[] b = Files.readAllBytes(KilnProcess.guest("tests/manifest.elf"));
        edit.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
        Path p = tmp.resolve(name + ".kiln");
        Files.write(p, b);
        return p;
    }

    private static int kilnNote(ByteBuffer b) {
        byte[] owner = "Kiln\0".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 12; i + 5 <= b.capacity(); i++) {
            for (int k = 0; k < 5; k++) if (b.get(i + k) != owner[k]) continue outer;
            if (b.getInt(i - 12) == 5) return i - 12;
        }
        throw new AssertionError("no Kiln note in the test guest");
    }

    private static void refusedWithOneLine(KilnProcess r, String expected) {
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals(1, r.stderr().lines().count(), "one line: " + r);
        assertTrue(r.stderr().startsWith("kiln: error: ") && r.stderr().contains(expected), r.toString());
        assertTrue(r.stderr().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "printable: " + r);
    }

    @Test
    void aNoteNameOfTwoGigabytesIsRefused() throws Exception { // was an OutOfMemoryError
        Path p = broken("namesz", b -> b.putInt(kilnNote(b), 0x7fffffff));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "note");
    }

    @Test
    void sectionHeadersOverTheElfHeaderAreRefusedWithoutItsBytes() throws Exception { // was a name of raw bytes
        Path p = broken("shoff", b -> b.putLong(40, 0x40));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "");
    }

    @Test
    void sectionHeadersBeyondTheFileAreRefused() throws Exception { // was an IndexOutOfBoundsException
        Path p = broken("shoff-max", b -> b.putLong(40, Long.MAX_VALUE));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "");
    }

    @Test
    void aWritableAndExecutableSegmentIsRefusedAsRunRefusesIt() throws Exception { // inspect used to show it
        Path p = broken("wx", b -> b.putInt((int) b.getLong(32) + 4, 7));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "both writable and executable (W^X)");
    }

    @Test
    void aGoodImageIsShown() throws Exception {
        KilnProcess r = KilnProcess.run("inspect", KilnProcess.guest("tests/manifest.elf").toString());
        assertEquals(0, r.exitStatus(), r.toString());
        assertTrue(r.stdout().contains("name: "), r.toString());
    }
}
