package dev.kiln.image;

import dev.kiln.image.elf.ElfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Finding a stripped image's debug file, as gdb does: the image's {@code .gnu_debuglink}
 * section names a file (and its CRC-32), looked for in the image's directory, then in its
 * {@code .debug/} subdirectory; `kiln build` writes it as {@code IMAGE.debug}. A file whose
 * CRC does not match is someone else's debug file and is ignored. Crash reports, `kiln
 * inspect`, `kiln stack` and `kiln debug` read symbols through this.
 */
public final class DebugFile {
    public static final String DEBUGLINK_SECTION = ".gnu_debuglink";
    /** Debug files are read whole; DWARF of a large image stays well below this. */
    public static final long MAX_SIZE = 1L << 30;

    /** The section's contents: a file name, NUL, padding to 4 bytes, the CRC-32 of the file. */
    public record Debuglink(String fileName, int crc) {}

    private DebugFile() {}

    /** IMAGE.debug: where `kiln build` writes an image's debug file. */
    public static Path besideImage(Path image) {
        return image.resolveSibling(image.getFileName() + ".debug");
    }

    /** The image's debuglink, if it has a well-formed one (a plain file name, no directories). */
    public static Optional<Debuglink> debuglink(ElfFile elf) {
        Optional<ElfFile.Section> s = elf.section(DEBUGLINK_SECTION);
        if (s.isEmpty()) return Optional.empty();
        byte[] b = elf.contents(s.get());
        int nul = 0;
        while (nul < b.length && b[nul] != 0) nul++;
        int crcAt = (nul + 4) & ~3;
        if (nul == 0 || nul >= b.length || crcAt + 4 > b.length || nul > 255) {
            throw new ImageException(DEBUGLINK_SECTION + " is malformed");
        }
        String name = new String(b, 0, nul, StandardCharsets.UTF_8);
        if (name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new ImageException(DEBUGLINK_SECTION + " names " + UntrustedText.quote(name) + ", not a file name");
        }
        int crc = (b[crcAt] & 0xff) | (b[crcAt + 1] & 0xff) << 8 | (b[crcAt + 2] & 0xff) << 16 | (b[crcAt + 3] & 0xff) << 24;
        return Optional.of(new Debuglink(name, crc));
    }

    /**
     * The debug file of {@code image} (parsed as {@code elf}): the debuglink's file where gdb looks
     * for it, if its CRC matches; without a debuglink, IMAGE.debug if it exists. Empty if none.
     */
    public static Optional<Path> find(Path image, ElfFile elf) {
        Optional<Debuglink> link = debuglink(elf);
        if (link.isEmpty()) {
            Path beside = besideImage(image);
            return Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
        }
        Path dir = image.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>(List.of(dir.resolve(link.get().fileName()),
                dir.resolve(".debug").resolve(link.get().fileName())));
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && crcOf(p) == link.get().crc()) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The GNU debuglink CRC (CRC-32, the zlib polynomial) of a file. */
    public static int crcOf(Path file) {
        CRC32 crc = new CRC32();
        crc.update(ElfFile.readFile(file, MAX_SIZE));
        return (int) crc.getValue();
    }

    /** The size of a file, or -1 if it cannot be read. */
    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
