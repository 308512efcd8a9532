package dev.kiln.image;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ELF loader's validation, on the real guests and on bytes crafted from them. */
class GuestImageTest {
    private static byte[] hello() throws Exception {
        return Files.readAllBytes(TestGuests.elf("hello"));
    }

    private static String rejected(byte[] bytes) {
        return assertThrows(ImageException.class, () -> GuestImage.parse(bytes, "t")).getMessage();
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Offset of the first PT_LOAD program header. */
    private static int firstLoad(byte[] b) {
        ByteBuffer bb = le(b);
        int phoff = (int) bb.getLong(32), phnum = bb.getShort(56);
        for (int i = 0; i < phnum; i++) if (bb.getInt(phoff + 56 * i) == 1) return phoff + 56 * i;
        throw new AssertionError("no PT_LOAD");
    }

    @Test
    void parsesTheRealGuest() throws Exception {
        GuestImage img = GuestImage.parse(hello(), "hello");
        assertEquals("hello", img.name());
        assertEquals(Manifest.EMPTY, img.manifest());
        assertTrue(img.entry() >= 0x400000);
        assertTrue(img.segments().stream().anyMatch(s -> s.executable() && !s.writable()));
        assertTrue(img.textSize() > 0);
        assertTrue(img.symbolize(img.entry()).orElseThrow().name().equals("_start"));
        assertTrue(img.symbols().stream().anyMatch(s -> s.name().equals("main")));
    }

    @Test
    void rejectsTruncatedFiles() throws Exception {
        byte[] b = hello();
        assertTrue(rejected(Arrays.copyOf(b, 40)).contains("not an ELF file"));
        String m = rejected(Arrays.copyOf(b, 0x1100));
        assertTrue(m.contains("outside the") && m.contains("truncated"), m);
    }

    @Test
    void rejectsBadMagicClassAndMachine() throws Exception {
        byte[] b = hello();
        b[1] = 'X';
        assertTrue(rejected(b).contains("bad magic"));
        b = hello();
        b[4] = 1;
        assertTrue(rejected(b).contains("not a 64-bit"));
        b = hello();
        le(b).putShort(18, (short) 183); // aarch64
        assertTrue(rejected(b).contains("wrong machine 183"), rejected(b));
        b = hello();
        le(b).putShort(16, (short) 3);
        assertTrue(rejected(b).contains("ET_DYN"));
    }

    @Test
    void rejectsSegmentsOverlappingTheReservedPages() throws Exception {
        byte[] b = hello();
        int ph = firstLoad(b);
        le(b).putLong(ph + 16, 0x1000).putLong(ph + 24, 0x1000);
        String m = rejected(b);
        assertTrue(m.contains("reserved") && m.contains("0x1000"), m);
    }

    @Test
    void rejectsSegmentsBeyondFourGib() throws Exception {
        byte[] b = hello();
        int ph = firstLoad(b);
        le(b).putLong(ph + 16, 0xffff_f000L).putLong(ph + 40, 0x10000);
        assertTrue(rejected(b).contains("4 GiB"), rejected(b));
        le(b).putLong(ph + 16, 0x400000).putLong(ph + 40, -1L); // memsz wraps
        assertTrue(rejected(b).contains("4 GiB"), rejected(b));
    }

    @Test
    void rejectsWritableAndExecutableSegments() throws Exception {
        byte[] b = hello();
        le(b).putInt(firstLoad(b) + 4, 7);
        assertTrue(rejected(b).contains("W^X"));
    }

    @Test
    void rejectsFileSizeBeyondTheFile() throws Exception {
        byte[] b = hello();
        le(b).putLong(firstLoad(b) + 32, 1L << 40);
        assertTrue(rejected(b).contains("file size exceeds memory size") || rejected(b).contains("outside"));
    }

    @Test
    void readsTheManifestNote() {
        GuestImage img = GuestImage.load(TestGuests.elf("manifest"));
        assertEquals(new Manifest("manifest-test", 48, java.util.List.of("first", "second arg"),
                java.util.List.of("GREETING=hi"), java.util.List.of()), img.manifest());
    }

    @Test
    void missingFileIsAnImageException() {
        assertThrows(ImageException.class, () -> GuestImage.load(java.nio.file.Path.of("/nonexistent.elf")));
    }
}
