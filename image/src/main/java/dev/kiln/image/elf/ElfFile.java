package dev.kiln.image.elf;

import dev.kiln.image.ImageException;
import dev.kiln.image.UntrustedText;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ELF64 little-endian file, read from its bytes: the file header, the program headers, the
 * section headers with their names, notes, symbols and the dynamic section. Kiln's one ELF reader:
 * the native image's validation ({@link dev.kiln.image.GuestImage}), {@code kiln inspect} and the
 * jvm flavor's shared-library resolver are built on it.
 *
 * <p>Every offset, size and count in an ELF file is untrusted input. Each one is checked against
 * the file before it is used, in 64-bit arithmetic that cannot overflow (an offset near 2^64 is
 * refused, not wrapped), and a violation is an {@link ImageException} that names the structure
 * and says where it lies. Only what is needed to read the file is checked here; what a use
 * requires of it (an x86-64 executable, static linking, W^X) is for that use to check.
 */
public final class ElfFile {
    public static final int EM_X86_64 = 62;
    public static final int ET_EXEC = 2, ET_DYN = 3;
    public static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_TLS = 7;
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
    public static final int SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOTE = 7, SHT_NOBITS = 8;
    public static final long SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;
    public static final int STT_FUNC = 2;
    public static final long DT_NULL = 0;
    static final int HEADER_SIZE = 64, PHDR_SIZE = 56, SHDR_SIZE = 64, SYM_SIZE = 24, DYN_SIZE = 16;

    /** The file header fields Kiln uses. */
    public record Header(int type, int machine, long entry, long phoff, long shoff, int phnum, int shnum, int shstrndx) {}

    /** A program header; {@code index} is its position in the table (for messages). */
    public record ProgramHeader(int index, int type, int flags, long offset, long vaddr, long fileSize, long memSize,
                                long align) {
        public boolean readable() {
            return (flags & PF_R) != 0;
        }

        public boolean writable() {
            return (flags & PF_W) != 0;
        }

        public boolean executable() {
            return (flags & PF_X) != 0;
        }
    }

    /** A section header with its name resolved from the section name table. */
    public record Section(int index, String name, int type, long flags, long address, long offset, long size, int link,
                          long addralign, long entsize) {
        public boolean allocated() {
            return (flags & SHF_ALLOC) != 0;
        }

        /**
         * The section as a message names it: "section .symtab" when its name is plain, else its
         * index and the name quoted with hostile characters escaped, for the name comes from the
         * file, which may make it a line break or an escape sequence.
         */
        public String label() {
            if (name.isEmpty()) return "section " + index;
            return PLAIN_NAME.matcher(name).matches() ? "section " + name : "section " + index + " " + UntrustedText.quote(name);
        }
    }

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._$-]{1,60}");

    /** A note: its owner name (without the terminating NUL), its type and where its descriptor lies in the file. */
    public record Note(String owner, long type, long descOffset, long descSize) {}

    /** A .symtab entry; {@code type()} is STT_FUNC for functions. */
    public record Symbol(String name, int info, long value, long size) {
        public int type() {
            return info & 0xf;
        }
    }

    /** A dynamic section entry: DT_NEEDED and the like. */
    public record DynamicEntry(long tag, long value) {}

    private final byte[] data;
    private final ByteBuffer buf;
    private final Header header;
    private final List<ProgramHeader> programHeaders;
    private final List<Section> sections;

    private ElfFile(byte[] data) {
        this.data = data;
        this.buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.header = readHeader();
        this.programHeaders = readProgramHeaders();
        this.sections = readSections();
    }

    /** Reads the identification, the file header and the program and section header tables. */
    public static ElfFile parse(byte[] data) {
        return new ElfFile(data);
    }

    /**
     * Reads a file of at most {@code maxSize} bytes; errors name the file. For files from the host
     * (shared libraries) as for images.
     */
    public static ElfFile read(Path file, long maxSize) {
        return parse(readFile(file, maxSize));
    }

    /** The bytes of a file of at most {@code maxSize} bytes, or an ImageException naming the file. */
    public static byte[] readFile(Path file, long maxSize) {
        try {
            long size = Files.size(file);
            if (size > maxSize) throw new ImageException(file + ": " + size + " bytes is too large (at most " + maxSize + ")");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageException(file + ": no such file");
        } catch (IOException e) {
            throw new ImageException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** True if the file starts with the ELF magic (without reading the rest). */
    public static boolean hasMagic(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        try (var in = Files.newInputStream(file)) {
            return hasMagic(in.readNBytes(4));
        }
    }

    private static boolean hasMagic(byte[] b) {
        return b.length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    public Header header() {
        return header;
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** The sections in table order; empty when the file has no section header table. */
    public List<Section> sections() {
        return sections;
    }

    /** The first section of this name. A loop, not a stream: each `kiln run` looks sections up, and a lambda the AOT cache's training did not meet is spun anew at every start. */
    public Optional<Section> section(String name) {
        for (Section s : sections) {
            if (s.name().equals(name)) return Optional.of(s);
        }
        return Optional.empty();
    }

    public int size() {
        return data.length;
    }

    /** The whole file, read-only, without a copy. */
    public MemorySegment segment() {
        return MemorySegment.ofArray(data).asReadOnly();
    }

    /** A copy of {@code length} bytes at {@code offset}, checked against the file. */
    public byte[] bytes(long offset, long length, String what) {
        requireInFile(offset, length, what);
        return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
    }

    /** The bytes of a section: its contents in the file, or none for SHT_NOBITS. */
    public byte[] contents(Section s) {
        if (s.type() == SHT_NOBITS) return new byte[0];
        return bytes(s.offset(), s.size(), s.label());
    }

    /**
     * The notes in {@code [offset, offset+size)} (a PT_NOTE segment or an SHT_NOTE section). Each
     * note's name and descriptor are padded to 4 bytes, or to 8 when the container is 8-aligned.
     */
    public List<Note> notes(long offset, long size, long align, String what) {
        requireInFile(offset, size, what);
        long pad = align == 8 ? 8 : 4;
        long end = offset + size;
        List<Note> notes = new ArrayList<>();
        for (long p = offset; end - p >= 12; ) {
            long namesz = u32(p), descsz = u32(p + 4), type = u32(p + 8);
            long nameAt = p + 12, descAt = nameAt + roundUp(namesz, pad), next = descAt + roundUp(descsz, pad);
            if (descAt > end || descsz > end - descAt) {
                throw new ImageException("truncated ELF note at file offset 0x" + Long.toHexString(p) + " in " + what);
            }
            // The name includes its NUL; a name without one is taken as it is.
            long nameLen = namesz > 0 && data[(int) (nameAt + namesz - 1)] == 0 ? namesz - 1 : namesz;
            String owner = new String(data, (int) nameAt, (int) nameLen, StandardCharsets.ISO_8859_1);
            notes.add(new Note(owner, type, descAt, descsz));
            p = Math.min(next, end);
        }
        return notes;
    }

    /** The entries of a symbol table section (SHT_SYMTAB), names from the string table it links to. */
    public List<Symbol> symbols(Section symtab) {
        String what = symtab.label();
        if (symtab.entsize() != SYM_SIZE) {
            throw new ImageException(what + " has entry size " + symtab.entsize() + ", expected " + SYM_SIZE);
        }
        requireInFile(symtab.offset(), symtab.size(), what);
        if (symtab.link() <= 0 || symtab.link() >= sections.size()) {
            throw new ImageException(what + " links to section " + symtab.link() + ", which is not a string table");
        }
        Section strtab = sections.get(symtab.link());
        requireStringTable(strtab);
        long count = symtab.size() / SYM_SIZE;
        List<Symbol> out = new ArrayList<>((int) Math.min(count, 1 << 16));
        for (long i = 0; i < count; i++) {
            long p = symtab.offset() + SYM_SIZE * i;
            out.add(new Symbol(string(strtab, u32(p)), data[(int) p + 4] & 0xff, u64(p + 8), u64(p + 16)));
        }
        return out;
    }

    /** The dynamic section's entries (from PT_DYNAMIC), up to DT_NULL; empty for a static file. */
    public List<DynamicEntry> dynamicEntries() {
        List<DynamicEntry> out = new ArrayList<>();
        for (ProgramHeader p : programHeaders) {
            if (p.type() != PT_DYNAMIC) continue;
            requireInFile(p.offset(), p.fileSize(), "PT_DYNAMIC (program header " + p.index() + ")");
            for (long e = p.offset(); p.offset() + p.fileSize() - e >= DYN_SIZE; e += DYN_SIZE) {
                long tag = u64(e);
                if (tag == DT_NULL) break;
                out.add(new DynamicEntry(tag, u64(e + 8)));
            }
            break;
        }
        return out;
    }

    /**
     * The file offset of the virtual address {@code vaddr}, followed by {@code length} bytes that
     * lie in the file part of one PT_LOAD segment; empty if no segment holds them.
     */
    public Optional<Long> fileOffsetOf(long vaddr, long length) {
        for (ProgramHeader p : programHeaders) {
            if (p.type() != PT_LOAD) continue;
            long into = vaddr - p.vaddr();
            if (Long.compareUnsigned(vaddr, p.vaddr()) >= 0 && Long.compareUnsigned(into, p.fileSize()) <= 0
                    && Long.compareUnsigned(length, p.fileSize() - into) <= 0) {
                long offset = p.offset() + into;
                if (isInFile(offset, length)) return Optional.of(offset);
            }
        }
        return Optional.empty();
    }

    /** The NUL-terminated string at {@code offset} into the string table {@code strtab}. */
    public String string(Section strtab, long offset) {
        requireStringTable(strtab);
        return string(strtab.offset(), strtab.size(), offset, strtab.label());
    }

    /**
     * The NUL-terminated string at {@code offset} into the {@code size} bytes at {@code tableOffset}
     * (a string table found through the dynamic section, which has no section header of its own).
     */
    public String string(long tableOffset, long size, long offset, String table) {
        requireInFile(tableOffset, size, table);
        if (offset < 0 || offset >= size) {
            throw new ImageException("string offset " + Long.toUnsignedString(offset) + " lies outside " + table
                    + " (" + size + " bytes)");
        }
        int from = (int) (tableOffset + offset), limit = (int) (tableOffset + size), end = from;
        while (end < limit && data[end] != 0) end++;
        if (end == limit) throw new ImageException("unterminated string at offset " + offset + " of " + table);
        return new String(data, from, end - from, StandardCharsets.UTF_8);
    }

    /** Throws unless {@code [offset, offset+length)} lies in the file; both are unsigned 64-bit values from it. */
    public void requireInFile(long offset, long length, String what) {
        if (!isInFile(offset, length)) {
            throw new ImageException(what + " (offset 0x" + Long.toHexString(offset) + ", 0x" + Long.toHexString(length)
                    + " bytes) lies outside the " + data.length + "-byte file (truncated?)");
        }
    }

    private boolean isInFile(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= data.length && length <= data.length - offset;
    }

    private void requireStringTable(Section s) {
        if (s.type() == SHT_NOBITS) throw new ImageException(s.label() + " is used as a string table but has no bytes in the file");
        requireInFile(s.offset(), s.size(), s.label());
    }

    // ---- the tables ----

    private Header readHeader() {
        if (data.length < HEADER_SIZE) throw new ImageException("not an ELF file: only " + data.length + " bytes");
        if (!hasMagic(data)) throw new ImageException("not an ELF file (bad magic)");
        if (data[4] != 2) throw new ImageException("not a 64-bit ELF file (class " + data[4] + ")");
        if (data[5] != 1) throw new ImageException("not a little-endian ELF file");
        if (data[6] != 1) throw new ImageException("unknown ELF version " + data[6]);
        int phentsize = u16(54), phnum = u16(56), shentsize = u16(58), shnum = u16(60);
        long phoff = u64(32), shoff = u64(40);
        if (phnum != 0) {
            if (phentsize != PHDR_SIZE) throw new ImageException("bad program header size " + phentsize);
            requireInFile(phoff, (long) phnum * PHDR_SIZE, "program header table");
        }
        if (shoff != 0 && shnum != 0) {
            if (shentsize != SHDR_SIZE) throw new ImageException("bad section header size " + shentsize);
            requireInFile(shoff, (long) shnum * SHDR_SIZE, "section header table");
        } else {
            shnum = 0;
        }
        int shstrndx = u16(62);
        if (shnum != 0 && shstrndx >= shnum) {
            throw new ImageException("section name table index " + shstrndx + " out of range (" + shnum + " sections)");
        }
        return new Header(u16(16), u16(18), u64(24), phoff, shoff, phnum, shnum, shstrndx);
    }

    private List<ProgramHeader> readProgramHeaders() {
        List<ProgramHeader> out = new ArrayList<>(header.phnum());
        for (int i = 0; i < header.phnum(); i++) {
            long p = header.phoff() + (long) PHDR_SIZE * i;
            out.add(new ProgramHeader(i, (int) u32(p), (int) u32(p + 4), u64(p + 8), u64(p + 16), u64(p + 32),
                    u64(p + 40), u64(p + 48)));
        }
        return List.copyOf(out);
    }

    private List<Section> readSections() {
        int n = header.shnum();
        if (n == 0) return List.of();
        long shstrOffset = 0, shstrSize = 0;
        boolean names = header.shstrndx() != 0; // SHN_UNDEF: the file has no section names
        if (names) {
            long at = header.shoff() + (long) SHDR_SIZE * header.shstrndx();
            if (u32(at + 4) == SHT_NOBITS) throw new ImageException("the section name table has no bytes in the file");
            shstrOffset = u64(at + 24);
            shstrSize = u64(at + 32);
            requireInFile(shstrOffset, shstrSize, "section name table");
        }
        List<Section> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long p = header.shoff() + (long) SHDR_SIZE * i;
            long nameOffset = u32(p);
            String name = !names || (i == 0 && nameOffset == 0) ? ""
                    : string(shstrOffset, shstrSize, nameOffset, "the section name table");
            out.add(new Section(i, name, (int) u32(p + 4), u64(p + 8), u64(p + 16), u64(p + 24), u64(p + 32),
                    (int) u32(p + 40), u64(p + 48), u64(p + 56)));
        }
        return List.copyOf(out);
    }

    // ---- little-endian reads at offsets already checked against the file ----

    private int u16(long at) {
        return buf.getShort((int) at) & 0xffff;
    }

    private long u32(long at) {
        return buf.getInt((int) at) & 0xffffffffL;
    }

    private long u64(long at) {
        return buf.getLong((int) at);
    }

    /** {@code v} rounded up to a multiple of the power of two {@code a}; v below 2^62. */
    public static long roundUp(long v, long a) {
        return (v + a - 1) & -a;
    }
}
