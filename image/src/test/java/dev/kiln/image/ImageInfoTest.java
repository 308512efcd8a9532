package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `kiln inspect` reads: sizes, manifest and the class list, with the class list section added by objcopy as the builder does. */
class ImageInfoTest {
    @TempDir
    Path dir;

    @Test
    void readsSizesManifestAndClassList() throws Exception {
        Path image = withClasses(TestGuests.elf("manifest"), deflate("a.B\nc.D$E\n".getBytes(StandardCharsets.UTF_8)));
        ImageInfo info = ImageInfo.read(image);
        assertEquals("manifest-test", info.manifest().name());
        assertEquals(List.of("a.B", "c.D$E"), info.classes());
        assertTrue(info.text() > 0 && info.rodata() > 0 && info.fileSize() == Files.size(image), info.toString());
        assertEquals(List.of(), ImageInfo.read(TestGuests.elf("hello")).classes());
    }

    @Test
    void aClassListBombIsRefusedNotInflated() throws Exception {
        byte[] bomb = deflate(new byte[ImageInfo.MAX_CLASS_LIST + 1]);
        Path image = withClasses(TestGuests.elf("hello"), bomb);
        String m = assertThrows(ImageException.class, () -> ImageInfo.read(image)).getMessage();
        assertTrue(m.startsWith(image + ": ") && m.contains("inflates to more than"), m);
        Path garbage = withClasses(TestGuests.elf("hello"), "not deflate".getBytes(StandardCharsets.UTF_8));
        m = assertThrows(ImageException.class, () -> ImageInfo.read(garbage)).getMessage();
        assertTrue(m.contains("not deflate data"), m);
    }

    @Test
    void inspectRefusesWhatTheLoaderRefuses() throws Exception {
        Path notElf = Files.writeString(dir.resolve("x.kiln"), "#!/bin/sh\necho hi\n");
        String m = assertThrows(ImageException.class, () -> ImageInfo.read(notElf)).getMessage();
        assertEquals(notElf + ": not an ELF file: only 18 bytes", m);
    }

    private Path withClasses(Path elf, byte[] section) throws Exception {
        Path data = Files.write(dir.resolve("classes.z"), section);
        Path out = dir.resolve(elf.getFileName() + ".kiln");
        Process p = new ProcessBuilder("objcopy", "--add-section", ".kiln.classes=" + data, "--set-section-flags",
                ".kiln.classes=readonly", elf.toString(), out.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "objcopy (binutils) adds the class list section");
        return out;
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }
}
