package dev.kiln.vmm;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A parsed and validated native image: a static, non-PIE x86-64 ELF64 executable. Immutable
 * and reusable: one image can boot any number of VMs, concurrently.
 *
 * <p>Validation is strict because the file is untrusted input that decides what the monitor
 * writes into guest memory: every offset and size is checked with overflow-safe arithmetic,
 * loadable segments must lie above the monitor's reserved low memory
 * ({@link GuestLayout#IMAGE_MIN}) and below 4 GiB, must not overlap, and none may be both
 * writable and executable.
 */
public final class GuestImage {
    static final long MAX_FILE_SIZE = 1L << 30;
    private static final int EM_X86_64 = 62, ET_EXEC = 2, ET_DYN = 3;
    private static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_TLS = 7;
    private static final int PF_X = 1, PF_W = 2, PF_R = 4;
    private static final int SHT_SYMTAB = 2, SHT_NOTE = 7, SHT_NOBITS = 8;
    private static final int STT_FUNC = 2;
    static final String NOTE_OWNER = "Kiln";
    static final int NOTE_TYPE_MANIFEST = 1;
    static final String NOTE_SECTION = ".note.kiln";

    /** A PT_LOAD segment. */
    public record Segment(long vaddr, long memSize, long fileOffset, long fileSize, boolean readable,
                          boolean writable, boolean executable) {
        public long end() {
            return vaddr + memSize;
        }

        /** "R-X", "RW-", "R--". */
        public String permissions() {
            return (readable ? "R" : "-") + (writable ? "W" : "-") + (executable ? "X" : "-");
        }
    }

    /** The PT_TLS template: fileSize bytes of .tdata, then memSize - fileSize zeroes (.tbss). */
    public record Tls(long fileOffset, long fileSize, long memSize, long align) {}

    /** A function symbol from .symtab. */
    public record Symbol(String name, long address, long size) {}

    /** A symbol plus the offset of an address inside it: "name+0x1c". */
    public record SymbolRef(String name, long offset) {
        @Override
        public String toString() {
            return offset == 0 ? name : name + "+0x" + Long.toHexString(offset);
        }
    }

    private final String name;
    private final MemorySegment bytes;
    private final long entry;
    private final List<Segment> segments;
    private final Tls tls;
    private final Symbol[] symbols; // sorted by address
    private final Manifest manifest;

    private GuestImage(String name, MemorySegment bytes, long entry, List<Segment> segments, Tls tls,
                       Symbol[] symbols, Manifest manifest) {
        this.name = name;
        this.bytes = bytes;
        this.entry = entry;
        this.segments = segments;
        this.tls = tls;
        this.symbols = symbols;
        this.manifest = manifest;
    }

    /** Reads, parses and validates an image file. */
    public static GuestImage load(Path elf) {
        byte[] data;
        try {
            long size = Files.size(elf);
            if (size > MAX_FILE_SIZE) throw new ImageException(elf + ": " + size + " bytes is too large for an image");
            data = Files.readAllBytes(elf);
        } catch (NoSuchFileException e) {
            throw new ImageException(elf + ": no such file");
        } catch (IOException e) {
            throw new ImageException(elf + ": cannot read: " + e.getMessage());
        }
        String fileName = elf.getFileName().toString();
        String base = fileName.endsWith(".elf") ? fileName.substring(0, fileName.length() - 4) : fileName;
        try {
            return parse(data, base);
        } catch (ImageException e) {
            throw new ImageException(elf + ": " + e.getMessage());
        }
    }

    /** Parses an image from bytes; {@code defaultName} is used when the manifest gives no name. */
    public static GuestImage parse(byte[] data, String defaultName) {
        return new Parser(data).parse(defaultName);
    }

    /** The manifest's name, else the file name without ".elf". */
    public String name() {
        return name;
    }

    public Manifest manifest() {
        return manifest;
    }

    public long entry() {
        return entry;
    }

    public List<Segment> segments() {
        return segments;
    }

    public Optional<Tls> tls() {
        return Optional.ofNullable(tls);
    }

    public List<Symbol> symbols() {
        return List.of(symbols);
    }

    /** The first byte of the lowest segment. */
    public long imageStart() {
        return segments.getFirst().vaddr();
    }

    /** The end of the highest segment (exclusive, not rounded). */
    public long imageEnd() {
        return segments.getLast().end();
    }

    /** Bytes in executable segments. */
    public long textSize() {
        return segments.stream().filter(Segment::executable).mapToLong(Segment::memSize).sum();
    }

    /** Initialized bytes in non-executable segments (rodata and data). */
    public long dataSize() {
        return segments.stream().filter(s -> !s.executable()).mapToLong(Segment::fileSize).sum();
    }

    /** Zero-filled bytes (bss). */
    public long bssSize() {
        return segments.stream().mapToLong(s -> s.memSize() - s.fileSize()).sum();
    }

    /** The function containing {@code address}: the nearest STT_FUNC at or below it, within its size if known. */
    public Optional<SymbolRef> symbolize(long address) {
        int lo = 0, hi = symbols.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(symbols[mid].address(), address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) return Optional.empty();
        Symbol s = symbols[found];
        long offset = address - s.address();
        if (s.size() > 0 && Long.compareUnsigned(offset, s.size()) >= 0) return Optional.empty();
        return Optional.of(new SymbolRef(s.name(), offset));
    }

    /** The whole file, for copying segments into guest memory. */
    MemorySegment bytes() {
        return bytes;
    }

    /** Parses one file; all reads are bounds-checked against the file. */
    private static final class Parser {
        private final byte[] data;
        private final ByteBuffer buf;

        Parser(byte[] data) {
            this.data = data;
            this.buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }

        GuestImage parse(String defaultName) {
            if (data.length < 64) throw new ImageException("not an ELF file: only " + data.length + " bytes");
            if (data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
                throw new ImageException("not an ELF file (bad magic)");
            }
            if (data[4] != 2) throw new ImageException("not a 64-bit ELF file (class " + data[4] + ")");
            if (data[5] != 1) throw new ImageException("not a little-endian ELF file");
            if (data[6] != 1) throw new ImageException("unknown ELF version " + data[6]);
            int type = u16(16), machine = u16(18);
            if (machine != EM_X86_64) throw new ImageException("wrong machine " + machine + ": Kiln runs x86-64 (62) images");
            if (type == ET_DYN) throw new ImageException("a position-independent (ET_DYN) file: Kiln needs a static non-PIE executable (link with -static -no-pie)");
            if (type != ET_EXEC) throw new ImageException("ELF type " + type + " is not an executable (ET_EXEC)");
            long entry = u64(24), phoff = u64(32), shoff = u64(40);
            int phentsize = u16(54), phnum = u16(56), shentsize = u16(58), shnum = u16(60), shstrndx = u16(62);
            if (phnum == 0) throw new ImageException("no program headers");
            if (phentsize != 56) throw new ImageException("bad program header size " + phentsize);
            requireInFile(phoff, (long) phnum * 56, "program header table");

            List<Segment> segments = new ArrayList<>();
            Tls tls = null;
            List<long[]> notes = new ArrayList<>(); // {offset, size, align}
            for (int i = 0; i < phnum; i++) {
                int p = (int) (phoff + 56L * i);
                int ptype = u32(p), flags = u32(p + 4);
                long offset = u64(p + 8), vaddr = u64(p + 16), filesz = u64(p + 32), memsz = u64(p + 40),
                        align = u64(p + 48);
                String what = "program header " + i;
                switch (ptype) {
                    case PT_INTERP, PT_DYNAMIC -> throw new ImageException(
                            "dynamically linked (" + what + " is PT_" + (ptype == PT_INTERP ? "INTERP" : "DYNAMIC")
                                    + "): Kiln needs a static executable");
                    case PT_LOAD -> {
                        if (memsz == 0) continue;
                        checkSegment(what, offset, vaddr, filesz, memsz, align);
                        boolean w = (flags & PF_W) != 0, x = (flags & PF_X) != 0;
                        if (w && x) throw new ImageException(what + " at 0x" + Long.toHexString(vaddr)
                                + " is both writable and executable (W^X)");
                        segments.add(new Segment(vaddr, memsz, offset, filesz, (flags & PF_R) != 0 || x, w, x));
                    }
                    case PT_TLS -> {
                        if (tls != null) throw new ImageException("more than one PT_TLS");
                        if (Long.compareUnsigned(filesz, memsz) > 0) throw new ImageException(what + ": PT_TLS file size exceeds memory size");
                        requireInFile(offset, filesz, what);
                        if (Long.compareUnsigned(memsz, 1L << 20) > 0) throw new ImageException(what + ": TLS of " + memsz + " bytes is too large (max 1 MiB)");
                        long a = align == 0 ? 1 : align;
                        if (Long.bitCount(a) != 1 || a > 4096) throw new ImageException(what + ": bad TLS alignment " + align);
                        tls = new Tls(offset, filesz, memsz, a);
                    }
                    case PT_NOTE -> {
                        requireInFile(offset, filesz, what);
                        notes.add(new long[] {offset, filesz, align});
                    }
                    default -> { }
                }
            }
            if (segments.isEmpty()) throw new ImageException("no loadable (PT_LOAD) segments");
            segments.sort(Comparator.comparingLong(Segment::vaddr));
            for (int i = 1; i < segments.size(); i++) {
                Segment a = segments.get(i - 1), b = segments.get(i);
                if (a.end() > b.vaddr()) throw new ImageException("segments at 0x" + Long.toHexString(a.vaddr())
                        + " and 0x" + Long.toHexString(b.vaddr()) + " overlap");
                if (pageOf(a.end() - 1) == pageOf(b.vaddr()) && (a.writable() != b.writable() || a.executable() != b.executable())) {
                    throw new ImageException("segments at 0x" + Long.toHexString(a.vaddr()) + " (" + a.permissions()
                            + ") and 0x" + Long.toHexString(b.vaddr()) + " (" + b.permissions()
                            + ") share a page; align each segment to 4 KiB (see guest/kiln.ld)");
                }
            }
            Segment entrySegment = segments.stream()
                    .filter(s -> Long.compareUnsigned(entry - s.vaddr(), s.memSize()) < 0).findFirst()
                    .orElseThrow(() -> new ImageException("entry point 0x" + Long.toHexString(entry) + " is in no segment"));
            if (!entrySegment.executable()) throw new ImageException("entry point 0x" + Long.toHexString(entry) + " is not in an executable segment");

            Symbol[] symbols = new Symbol[0];
            byte[] manifestNote = null;
            if (shoff != 0 && shnum != 0) {
                if (shentsize != 64) throw new ImageException("bad section header size " + shentsize);
                requireInFile(shoff, (long) shnum * 64, "section header table");
                if (shstrndx >= shnum) throw new ImageException("section name table index " + shstrndx + " out of range");
                long[] shstr = section(shoff, shstrndx);
                for (int i = 0; i < shnum; i++) {
                    long[] sh = section(shoff, i);
                    int shType = (int) sh[1];
                    if (shType == SHT_SYMTAB) {
                        if (sh[6] >= shnum) throw new ImageException(".symtab links to a missing string table");
                        symbols = readSymbols(sh, section(shoff, (int) sh[6]));
                    } else if (shType == SHT_NOTE && NOTE_SECTION.equals(sectionName(shstr, sh[0]))) {
                        byte[] found = findNote(sh[3], sh[4], sh[5]);
                        if (found == null) throw new ImageException(NOTE_SECTION + " holds no note with owner \"Kiln\" and type 1");
                        manifestNote = found;
                    }
                }
            }
            if (manifestNote == null) {
                for (long[] n : notes) {
                    manifestNote = findNote(n[0], n[1], n[2]);
                    if (manifestNote != null) break;
                }
            }
            Manifest manifest = manifestNote == null ? Manifest.EMPTY : Manifest.parse(manifestNote);
            String name = manifest.name() != null ? manifest.name() : defaultName;
            return new GuestImage(name, MemorySegment.ofArray(data), entry, List.copyOf(segments), tls, symbols, manifest);
        }

        private void checkSegment(String what, long offset, long vaddr, long filesz, long memsz, long align) {
            if (Long.compareUnsigned(filesz, memsz) > 0) throw new ImageException(what + ": file size exceeds memory size");
            requireInFile(offset, filesz, what);
            if (align > 1 && (Long.bitCount(align) != 1 || (vaddr - offset) % align != 0)) {
                throw new ImageException(what + ": bad alignment " + align + " for offset 0x" + Long.toHexString(offset)
                        + " and address 0x" + Long.toHexString(vaddr));
            }
            if (Long.compareUnsigned(vaddr, GuestLayout.IMAGE_MIN) < 0) {
                throw new ImageException(what + " at 0x" + Long.toHexString(vaddr) + " overlaps the monitor's reserved"
                        + " pages below 0x" + Long.toHexString(GuestLayout.IMAGE_MIN) + " (link at 0x400000, see guest/kiln.ld)");
            }
            if (Long.compareUnsigned(memsz, GuestLayout.MAX_MEMORY) > 0
                    || Long.compareUnsigned(vaddr, GuestLayout.MAX_MEMORY - memsz) > 0) {
                throw new ImageException(what + " at 0x" + Long.toHexString(vaddr) + " (+0x" + Long.toHexString(memsz)
                        + " bytes) extends beyond the 4 GiB guest memory limit");
            }
        }

        /** {name, type, flags, offset, size, link, ... } as longs: [0]=name [1]=type [2]=addr [3]=offset [4]=size [5]=addralign [6]=link [7]=entsize */
        private long[] section(long shoff, int index) {
            int p = (int) (shoff + 64L * index);
            return new long[] {u32(p), u32(p + 4) & 0xffffffffL, u64(p + 16), u64(p + 24), u64(p + 32),
                    u64(p + 48), u32(p + 40) & 0xffffffffL, u64(p + 56)};
        }

        private String sectionName(long[] shstr, long nameOffset) {
            if (shstr[1] == SHT_NOBITS) return "";
            requireInFile(shstr[3], shstr[4], "section name table");
            if (Long.compareUnsigned(nameOffset, shstr[4]) >= 0) return "";
            return cString(shstr[3] + nameOffset, shstr[3] + shstr[4]);
        }

        private Symbol[] readSymbols(long[] symtab, long[] strtab) {
            if (symtab[7] != 24) throw new ImageException(".symtab has entry size " + symtab[7] + ", expected 24");
            requireInFile(symtab[3], symtab[4], ".symtab");
            requireInFile(strtab[3], strtab[4], ".strtab");
            List<Symbol> out = new ArrayList<>();
            long count = symtab[4] / 24;
            for (long i = 0; i < count; i++) {
                int p = (int) (symtab[3] + 24 * i);
                int info = data[p + 4] & 0xff;
                long value = u64(p + 8), size = u64(p + 16);
                long nameOff = u32(p) & 0xffffffffL;
                if ((info & 0xf) != STT_FUNC || value == 0 || nameOff >= strtab[4]) continue;
                out.add(new Symbol(cString(strtab[3] + nameOff, strtab[3] + strtab[4]), value, size));
            }
            Symbol[] a = out.toArray(new Symbol[0]);
            Arrays.sort(a, (x, y) -> Long.compareUnsigned(x.address(), y.address()));
            return a;
        }

        /** Walks the notes in [offset, offset+size) and returns the Kiln manifest descriptor, or null. */
        private byte[] findNote(long offset, long size, long align) {
            requireInFile(offset, size, "note");
            long pad = align == 8 ? 8 : 4;
            long p = offset, end = offset + size;
            while (end - p >= 12) {
                long namesz = u32(p) & 0xffffffffL, descsz = u32(p + 4) & 0xffffffffL, type = u32(p + 8) & 0xffffffffL;
                long nameAt = p + 12, descAt = nameAt + roundUp(namesz, pad), next = descAt + roundUp(descsz, pad);
                if (descAt > end || descAt + descsz > end) throw new ImageException("truncated ELF note at file offset 0x" + Long.toHexString(p));
                boolean kiln = namesz == 5 && new String(data, (int) nameAt, 4, StandardCharsets.US_ASCII).equals(NOTE_OWNER)
                        && data[(int) nameAt + 4] == 0;
                if (kiln && type == NOTE_TYPE_MANIFEST) {
                    if (descsz > 1 << 20) throw new ImageException("Kiln manifest note is larger than 1 MiB");
                    return Arrays.copyOfRange(data, (int) descAt, (int) (descAt + descsz));
                }
                p = Math.min(next, end);
            }
            return null;
        }

        private String cString(long from, long limit) {
            int end = (int) from;
            while (end < limit && data[end] != 0) end++;
            return new String(data, (int) from, end - (int) from, StandardCharsets.UTF_8);
        }

        private void requireInFile(long offset, long length, String what) {
            if (offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
                throw new ImageException(what + " (offset 0x" + Long.toHexString(offset) + ", 0x" + Long.toHexString(length)
                        + " bytes) lies outside the " + data.length + "-byte file (truncated?)");
            }
        }

        private int u16(long at) {
            return buf.getShort((int) at) & 0xffff;
        }

        private int u32(long at) {
            return buf.getInt((int) at);
        }

        private long u64(long at) {
            return buf.getLong((int) at);
        }
    }

    static long roundUp(long v, long a) {
        return (v + a - 1) & -a;
    }

    private static long pageOf(long a) {
        return a >>> 12;
    }
}
