package dev.kiln.image;

import dev.kiln.image.elf.ElfFile;
import java.lang.foreign.MemorySegment;
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
 * writes into guest memory: {@link ElfFile} checks every offset and size against the file with
 * overflow-safe arithmetic; here, loadable segments must lie in the guest's image range
 * ({@link #LOAD_MIN} up to {@link #LOAD_LIMIT}), must not overlap, and none may be both writable
 * and executable. `kiln inspect` validates with this class too, so it accepts and refuses exactly
 * what `kiln run` does.
 */
public final class GuestImage {
    public static final long MAX_FILE_SIZE = 1L << 30;
    /**
     * The lowest address a loadable segment may use: the pages below belong to the monitor (page
     * tables, GDT, boot info; page 0 stays unmapped). guest/kiln.ld links images here.
     */
    public static final long LOAD_MIN = 0x400000;
    /** Guest memory ends at 4 GiB at most (hypercall argument blocks are addressed with 32 bits). */
    public static final long LOAD_LIMIT = 4L << 30;
    static final long MAX_TLS = 1L << 20;
    static final long MAX_MANIFEST = 1L << 20;
    public static final String NOTE_OWNER = "Kiln";
    public static final int NOTE_TYPE_MANIFEST = 1;
    public static final String NOTE_SECTION = ".note.kiln";

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
    private final ElfFile elf;
    private final MemorySegment bytes;
    private final long entry;
    private final List<Segment> segments;
    private final Tls tls;
    private final Symbol[] symbols; // sorted by address
    private final Manifest manifest;

    private GuestImage(String name, ElfFile elf, long entry, List<Segment> segments, Tls tls,
                       Symbol[] symbols, Manifest manifest) {
        this.name = name;
        this.elf = elf;
        this.bytes = elf.segment();
        this.entry = entry;
        this.segments = segments;
        this.tls = tls;
        this.symbols = symbols;
        this.manifest = manifest;
    }

    /** Reads, parses and validates an image file; errors name the file. */
    public static GuestImage load(Path elf) {
        byte[] data = ElfFile.readFile(elf, MAX_FILE_SIZE);
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
        if (data.length > MAX_FILE_SIZE) throw new ImageException(data.length + " bytes is too large for an image");
        return new Validator(ElfFile.parse(data)).validate(defaultName);
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

    /** The whole file, for copying segments into guest memory (read-only). */
    public MemorySegment bytes() {
        return bytes;
    }

    /** The ELF file underneath, for what the monitor does not need (section sizes for `kiln inspect`). */
    public ElfFile elf() {
        return elf;
    }

    /** What Kiln requires of an ELF file to run it, checked on top of {@link ElfFile}'s bounds checks. */
    private static final class Validator {
        private final ElfFile elf;

        Validator(ElfFile elf) {
            this.elf = elf;
        }

        GuestImage validate(String defaultName) {
            ElfFile.Header h = elf.header();
            if (h.machine() != ElfFile.EM_X86_64) {
                throw new ImageException("wrong machine " + h.machine() + ": Kiln runs x86-64 (62) images");
            }
            if (h.type() == ElfFile.ET_DYN) {
                throw new ImageException("a position-independent (ET_DYN) file: Kiln needs a static non-PIE executable"
                        + " (link with -static -no-pie)");
            }
            if (h.type() != ElfFile.ET_EXEC) throw new ImageException("ELF type " + h.type() + " is not an executable (ET_EXEC)");
            if (elf.programHeaders().isEmpty()) throw new ImageException("no program headers");

            List<Segment> segments = new ArrayList<>();
            Tls tls = null;
            List<ElfFile.ProgramHeader> notes = new ArrayList<>();
            for (ElfFile.ProgramHeader p : elf.programHeaders()) {
                String what = "program header " + p.index();
                switch (p.type()) {
                    case ElfFile.PT_INTERP, ElfFile.PT_DYNAMIC -> throw new ImageException(
                            "dynamically linked (" + what + " is PT_" + (p.type() == ElfFile.PT_INTERP ? "INTERP" : "DYNAMIC")
                                    + "): Kiln needs a static executable");
                    case ElfFile.PT_LOAD -> {
                        if (p.memSize() == 0) continue;
                        checkSegment(what, p);
                        if (p.writable() && p.executable()) throw new ImageException(what + " at 0x"
                                + Long.toHexString(p.vaddr()) + " is both writable and executable (W^X)");
                        segments.add(new Segment(p.vaddr(), p.memSize(), p.offset(), p.fileSize(),
                                p.readable() || p.executable(), p.writable(), p.executable()));
                    }
                    case ElfFile.PT_TLS -> {
                        if (tls != null) throw new ImageException("more than one PT_TLS");
                        tls = tls(what, p);
                    }
                    case ElfFile.PT_NOTE -> {
                        elf.requireInFile(p.offset(), p.fileSize(), what);
                        notes.add(p);
                    }
                    default -> { }
                }
            }
            if (segments.isEmpty()) throw new ImageException("no loadable (PT_LOAD) segments");
            segments.sort(Comparator.comparingLong(Segment::vaddr));
            checkNoOverlap(segments);
            long entry = h.entry();
            Segment entrySegment = segments.stream()
                    .filter(s -> Long.compareUnsigned(entry - s.vaddr(), s.memSize()) < 0).findFirst()
                    .orElseThrow(() -> new ImageException("entry point 0x" + Long.toHexString(entry) + " is in no segment"));
            if (!entrySegment.executable()) {
                throw new ImageException("entry point 0x" + Long.toHexString(entry) + " is not in an executable segment");
            }

            Symbol[] symbols = new Symbol[0];
            byte[] manifestNote = null;
            for (ElfFile.Section s : elf.sections()) {
                if (s.type() == ElfFile.SHT_SYMTAB) {
                    symbols = functionSymbols(s);
                } else if (s.type() == ElfFile.SHT_NOTE && NOTE_SECTION.equals(s.name())) {
                    manifestNote = manifestNote(s.offset(), s.size(), s.addralign(), NOTE_SECTION);
                    if (manifestNote == null) {
                        throw new ImageException(NOTE_SECTION + " holds no note with owner \"Kiln\" and type 1");
                    }
                }
            }
            for (int i = 0; manifestNote == null && i < notes.size(); i++) {
                ElfFile.ProgramHeader n = notes.get(i);
                manifestNote = manifestNote(n.offset(), n.fileSize(), n.align(), "program header " + n.index());
            }
            Manifest manifest = manifestNote == null ? Manifest.EMPTY : Manifest.parse(manifestNote);
            String name = manifest.name() != null ? manifest.name() : defaultName;
            return new GuestImage(name, elf, entry, List.copyOf(segments), tls, symbols, manifest);
        }

        private void checkSegment(String what, ElfFile.ProgramHeader p) {
            long offset = p.offset(), vaddr = p.vaddr(), memsz = p.memSize(), align = p.align();
            if (Long.compareUnsigned(p.fileSize(), memsz) > 0) throw new ImageException(what + ": file size exceeds memory size");
            elf.requireInFile(offset, p.fileSize(), what);
            if (align > 1 && (Long.bitCount(align) != 1 || (vaddr - offset) % align != 0)) {
                throw new ImageException(what + ": bad alignment " + align + " for offset 0x" + Long.toHexString(offset)
                        + " and address 0x" + Long.toHexString(vaddr));
            }
            if (Long.compareUnsigned(vaddr, LOAD_MIN) < 0) {
                throw new ImageException(what + " at 0x" + Long.toHexString(vaddr) + " overlaps the monitor's reserved"
                        + " pages below 0x" + Long.toHexString(LOAD_MIN) + " (link at 0x400000, see guest/kiln.ld)");
            }
            if (Long.compareUnsigned(memsz, LOAD_LIMIT) > 0 || Long.compareUnsigned(vaddr, LOAD_LIMIT - memsz) > 0) {
                throw new ImageException(what + " at 0x" + Long.toHexString(vaddr) + " (+0x" + Long.toHexString(memsz)
                        + " bytes) extends beyond the 4 GiB guest memory limit");
            }
        }

        private Tls tls(String what, ElfFile.ProgramHeader p) {
            if (Long.compareUnsigned(p.fileSize(), p.memSize()) > 0) {
                throw new ImageException(what + ": PT_TLS file size exceeds memory size");
            }
            elf.requireInFile(p.offset(), p.fileSize(), what);
            if (Long.compareUnsigned(p.memSize(), MAX_TLS) > 0) {
                throw new ImageException(what + ": TLS of " + Long.toUnsignedString(p.memSize()) + " bytes is too large (max 1 MiB)");
            }
            long a = p.align() == 0 ? 1 : p.align();
            if (Long.bitCount(a) != 1 || Long.compareUnsigned(a, 4096) > 0) {
                throw new ImageException(what + ": bad TLS alignment " + Long.toUnsignedString(p.align()));
            }
            return new Tls(p.offset(), p.fileSize(), p.memSize(), a);
        }

        private static void checkNoOverlap(List<Segment> segments) {
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
        }

        /** The STT_FUNC symbols with an address, sorted by address (crash reports symbolize with them). */
        private Symbol[] functionSymbols(ElfFile.Section symtab) {
            List<Symbol> out = new ArrayList<>();
            for (ElfFile.Symbol s : elf.symbols(symtab)) {
                if (s.type() == ElfFile.STT_FUNC && s.value() != 0) out.add(new Symbol(s.name(), s.value(), s.size()));
            }
            Symbol[] a = out.toArray(new Symbol[0]);
            Arrays.sort(a, (x, y) -> Long.compareUnsigned(x.address(), y.address()));
            return a;
        }

        /** The Kiln manifest descriptor among the notes in [offset, offset+size), or null. */
        private byte[] manifestNote(long offset, long size, long align, String what) {
            for (ElfFile.Note n : elf.notes(offset, size, align, what)) {
                if (n.owner().equals(NOTE_OWNER) && n.type() == NOTE_TYPE_MANIFEST) {
                    if (n.descSize() > MAX_MANIFEST) throw new ImageException("Kiln manifest note is larger than 1 MiB");
                    return elf.bytes(n.descOffset(), n.descSize(), "Kiln manifest note");
                }
            }
            return null;
        }
    }

    /** {@code v} rounded up to a multiple of the power of two {@code a}. */
    public static long roundUp(long v, long a) {
        return ElfFile.roundUp(v, a);
    }

    private static long pageOf(long a) {
        return a >>> 12;
    }
}
