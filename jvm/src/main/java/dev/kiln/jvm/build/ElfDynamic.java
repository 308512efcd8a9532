package dev.kiln.builder.jvm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dynamic-linking facts of one x86-64 ELF file: DT_NEEDED, DT_RUNPATH/DT_RPATH, DT_SONAME and
 * PT_INTERP. A small reader of the program headers and the dynamic section; every offset is
 * checked against the file (these are inputs from the host's file system, but still files).
 */
public record ElfDynamic(Path file, List<String> needed, List<String> runpath, Optional<String> soname,
                         Optional<String> interpreter) {
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_INTERP = 3;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;

    /** True if the file starts with the ELF magic. */
    public static boolean isElf(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 4) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        }
    }

    public static ElfDynamic read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 64 || b.getInt(0) != 0x464c457f) {
            throw new IOException(file + ": not an ELF file");
        }
        if (bytes[4] != 2 || bytes[5] != 1) {
            throw new IOException(file + ": not a 64-bit little-endian ELF file");
        }
        if (Short.toUnsignedInt(b.getShort(18)) != 62) {
            throw new IOException(file + ": not an x86-64 ELF file");
        }
        long phoff = b.getLong(32);
        int phentsize = Short.toUnsignedInt(b.getShort(54));
        int phnum = Short.toUnsignedInt(b.getShort(56));
        if (phentsize < 56 || phoff < 0 || phoff + (long) phentsize * phnum > bytes.length) {
            throw new IOException(file + ": program headers outside the file");
        }
        List<long[]> loads = new ArrayList<>(); // vaddr, offset, filesz
        long dynOff = -1;
        long dynSize = 0;
        String interp = null;
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            int type = b.getInt(p);
            long offset = b.getLong(p + 8);
            long vaddr = b.getLong(p + 16);
            long filesz = b.getLong(p + 32);
            if (offset < 0 || filesz < 0 || offset + filesz > bytes.length) {
                throw new IOException(file + ": segment " + i + " outside the file");
            }
            switch (type) {
                case PT_LOAD -> loads.add(new long[] {vaddr, offset, filesz});
                case PT_DYNAMIC -> { dynOff = offset; dynSize = filesz; }
                case PT_INTERP -> interp = cString(bytes, (int) offset, (int) (offset + filesz), file);
                default -> { }
            }
        }
        List<String> needed = new ArrayList<>();
        List<String> runpath = new ArrayList<>();
        String soname = null;
        if (dynOff >= 0) {
            List<Long> neededOffsets = new ArrayList<>();
            long strtabAddr = -1;
            long strsz = 0;
            long sonameOff = -1;
            long runpathOff = -1;
            long rpathOff = -1;
            for (long e = dynOff; e + 16 <= dynOff + dynSize; e += 16) {
                long tag = b.getLong((int) e);
                long val = b.getLong((int) e + 8);
                if (tag == DT_NULL) {
                    break;
                } else if (tag == DT_NEEDED) {
                    neededOffsets.add(val);
                } else if (tag == DT_STRTAB) {
                    strtabAddr = val;
                } else if (tag == DT_STRSZ) {
                    strsz = val;
                } else if (tag == DT_SONAME) {
                    sonameOff = val;
                } else if (tag == DT_RUNPATH) {
                    runpathOff = val;
                } else if (tag == DT_RPATH) {
                    rpathOff = val;
                }
            }
            if (strtabAddr < 0) {
                throw new IOException(file + ": dynamic section without DT_STRTAB");
            }
            long strtab = -1;
            for (long[] l : loads) {
                if (strtabAddr >= l[0] && strtabAddr < l[0] + l[2]) {
                    strtab = strtabAddr - l[0] + l[1];
                }
            }
            if (strtab < 0 || strtab + strsz > bytes.length) {
                throw new IOException(file + ": DT_STRTAB outside the file");
            }
            int start = (int) strtab;
            int end = (int) (strtab + strsz);
            for (long off : neededOffsets) {
                needed.add(str(bytes, start, end, off, file));
            }
            if (sonameOff >= 0) {
                soname = str(bytes, start, end, sonameOff, file);
            }
            long rp = runpathOff >= 0 ? runpathOff : rpathOff;
            if (rp >= 0) {
                for (String s : str(bytes, start, end, rp, file).split(":")) {
                    if (!s.isEmpty()) {
                        runpath.add(s);
                    }
                }
            }
        }
        return new ElfDynamic(file, List.copyOf(needed), List.copyOf(runpath), Optional.ofNullable(soname),
                Optional.ofNullable(interp));
    }

    private static String str(byte[] bytes, int start, int end, long off, Path file) throws IOException {
        if (off < 0 || start + off >= end) {
            throw new IOException(file + ": string offset " + off + " outside DT_STRTAB");
        }
        return cString(bytes, (int) (start + off), end, file);
    }

    private static String cString(byte[] bytes, int from, int end, Path file) throws IOException {
        int i = from;
        while (i < end && bytes[i] != 0) {
            i++;
        }
        if (i >= end) {
            throw new IOException(file + ": unterminated string");
        }
        return new String(bytes, from, i - from, StandardCharsets.UTF_8);
    }
}
