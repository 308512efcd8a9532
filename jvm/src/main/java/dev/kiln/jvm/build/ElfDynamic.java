package dev.kiln.jvm.build;

import dev.kiln.image.ImageException;
import dev.kiln.image.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dynamic-linking facts of one x86-64 ELF file: DT_NEEDED, DT_RUNPATH/DT_RPATH, DT_SONAME and
 * PT_INTERP, read with Kiln's one ELF reader ({@link ElfFile}), which checks every offset against
 * the file (these are inputs from the host's file system, but still files).
 */
public record ElfDynamic(Path file, List<String> needed, List<String> runpath, Optional<String> soname,
                         Optional<String> interpreter) {
    private static final long DT_NEEDED = 1, DT_STRTAB = 5, DT_STRSZ = 10, DT_SONAME = 14, DT_RPATH = 15,
            DT_RUNPATH = 29;
    /** libjvm.so is about 20 MB; nothing a runtime needs comes near this. */
    private static final long MAX_SIZE = 1L << 30;

    /** True if the file starts with the ELF magic. */
    public static boolean isElf(Path file) throws IOException {
        return ElfFile.hasMagic(file);
    }

    /** Reads the file; an IOException names the file and what is wrong with it. */
    public static ElfDynamic read(Path file) throws IOException {
        byte[] data;
        try {
            data = ElfFile.readFile(file, MAX_SIZE); // its errors name the file
        } catch (ImageException e) {
            throw new IOException(e.getMessage());
        }
        try {
            return of(file, ElfFile.parse(data));
        } catch (ImageException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    private static ElfDynamic of(Path file, ElfFile elf) {
        if (elf.header().machine() != ElfFile.EM_X86_64) throw new ImageException("not an x86-64 ELF file");
        String interpreter = null;
        for (ElfFile.ProgramHeader p : elf.programHeaders()) {
            if (p.type() == ElfFile.PT_INTERP) interpreter = elf.string(p.offset(), p.fileSize(), 0, "PT_INTERP");
        }
        List<ElfFile.DynamicEntry> dynamic = elf.dynamicEntries();
        long strtabAddress = -1, strsz = 0;
        for (ElfFile.DynamicEntry e : dynamic) {
            if (e.tag() == DT_STRTAB) strtabAddress = e.value();
            if (e.tag() == DT_STRSZ) strsz = e.value();
        }
        List<String> needed = new ArrayList<>(), runpath = new ArrayList<>();
        String soname = null, rpath = null, runpathText = null;
        if (!dynamic.isEmpty()) {
            if (strtabAddress == -1) throw new ImageException("dynamic section without DT_STRTAB");
            long size = strsz, address = strtabAddress;
            long strtab = elf.fileOffsetOf(address, size)
                    .orElseThrow(() -> new ImageException("DT_STRTAB (0x" + Long.toHexString(address) + ", "
                            + Long.toUnsignedString(size) + " bytes) lies outside the file's loaded segments"));
            for (ElfFile.DynamicEntry e : dynamic) {
                long tag = e.tag();
                if (tag != DT_NEEDED && tag != DT_SONAME && tag != DT_RPATH && tag != DT_RUNPATH) continue;
                String s = elf.string(strtab, size, e.value(), "DT_STRTAB");
                if (tag == DT_NEEDED) needed.add(s);
                else if (tag == DT_SONAME) soname = s;
                else if (tag == DT_RPATH) rpath = s;
                else runpathText = s;
            }
        }
        String rp = runpathText != null ? runpathText : rpath; // DT_RUNPATH wins, as in ld.so
        if (rp != null) {
            for (String s : rp.split(":")) {
                if (!s.isEmpty()) runpath.add(s);
            }
        }
        return new ElfDynamic(file, List.copyOf(needed), List.copyOf(runpath), Optional.ofNullable(soname),
                Optional.ofNullable(interpreter));
    }
}
