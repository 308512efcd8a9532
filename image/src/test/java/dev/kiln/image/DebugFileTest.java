package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stripped image and its debug file, made as `kiln build` makes them (binutils' objcopy
 * --only-keep-debug, then --strip-all --add-gnu-debuglink): the loader takes its symbols from the
 * debug file gdb would use, and a missing, foreign or broken one costs the symbols, never the image.
 */
class DebugFileTest {
    @TempDir Path dir;

    /** nullderef.elf split into IMAGE (stripped, debuglinked) and IMAGE.debug in the temporary directory. */
    private Path split(String name) throws Exception {
        Path image = dir.resolve(name);
        Files.copy(TestGuests.elf("nullderef"), image);
        Path debug = DebugFile.besideImage(image);
        objcopy("--only-keep-debug", image.toString(), debug.toString());
        objcopy("--strip-all", "--add-gnu-debuglink=" + debug, image.toString());
        return image;
    }

    private void objcopy(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("objcopy"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("missing: objcopy (Debian package binutils), which kiln build uses too", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    @Test
    void aStrippedImageTakesItsSymbolsFromItsDebugFile() throws Exception {
        Path image = split("crash.kiln");
        GuestImage loaded = GuestImage.load(image);
        assertEquals(DebugFile.besideImage(image), loaded.debugFile().orElseThrow());
        assertTrue(loaded.symbols().stream().anyMatch(s -> s.name().equals("read_through_null")), loaded.symbols().toString());
        GuestImage unstripped = GuestImage.load(TestGuests.elf("nullderef"));
        assertEquals(unstripped.symbols(), loaded.symbols(), "the same symbols as the image before stripping");
        assertTrue(unstripped.debugFile().isEmpty());

        ImageInfo info = ImageInfo.read(image);
        assertTrue(info.stripped());
        assertEquals(DebugFile.besideImage(image), info.debugFile());
        assertEquals(Files.size(DebugFile.besideImage(image)), info.debugSize());
        assertFalse(ImageInfo.read(TestGuests.elf("nullderef")).stripped());
    }

    @Test
    void theDebugFileIsFoundByItsDebuglinkAlsoInDotDebug() throws Exception {
        Path image = split("moved.kiln");
        Path debug = DebugFile.besideImage(image);
        Path inDotDebug = Files.createDirectories(dir.resolve(".debug")).resolve(debug.getFileName());
        Files.move(debug, inDotDebug);
        assertEquals(inDotDebug, GuestImage.load(image).debugFile().orElseThrow());
    }

    @Test
    void aMissingOrForeignDebugFileCostsTheSymbolsOnly() throws Exception {
        Path image = split("lonely.kiln");
        Path debug = DebugFile.besideImage(image);
        Files.delete(debug);
        GuestImage missing = GuestImage.load(image);
        assertTrue(missing.symbols().isEmpty());
        assertTrue(missing.debugFileProblem().orElseThrow().contains("lonely.kiln.debug is not beside it"),
                missing.debugFileProblem().toString());

        // someone else's debug file under the right name: its CRC differs, gdb would not use it either
        Files.copy(TestGuests.elf("hello"), debug, StandardCopyOption.REPLACE_EXISTING);
        GuestImage foreign = GuestImage.load(image);
        assertTrue(foreign.symbols().isEmpty());
        assertTrue(foreign.debugFile().isEmpty());
        assertTrue(foreign.debugFileProblem().orElseThrow().contains("CRC"), foreign.debugFileProblem().toString());
        assertTrue(ImageInfo.read(image).debugProblem().contains("CRC"));
    }

    @Test
    void aDebuglinkNamingADirectoryIsRefusedAsSymbolSource() throws Exception {
        Path image = dir.resolve("evil.kiln");
        Files.copy(TestGuests.elf("nullderef"), image);
        objcopy("--strip-all", image.toString());
        // a debuglink whose file name climbs out of the image's directory
        Path link = dir.resolve("link.bin");
        byte[] name = "../../etc/passwd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] section = new byte[(name.length + 4) / 4 * 4 + 4];
        System.arraycopy(name, 0, section, 0, name.length);
        Files.write(link, section);
        objcopy("--add-section", DebugFile.DEBUGLINK_SECTION + "=" + link, image.toString());
        GuestImage loaded = GuestImage.load(image);
        assertTrue(loaded.symbols().isEmpty());
        assertTrue(loaded.debugFileProblem().orElseThrow().contains("not a file name"), loaded.debugFileProblem().toString());
    }
}
