package dev.kiln.image;

import dev.kiln.image.elf.ElfFile;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * The note (owner {@link #NOTE_OWNER}) whose 4-byte descriptor is the Kiln ABI version the image's
     * runtime was built for (guest/include/kiln/abi.h KILN_NOTE_ABI, emitted by guest/runtime/start.S).
     */
    public static final int NOTE_TYPE_ABI = 2;

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
    private final int abiVersion;
    private final Path debugFile;     // where the symbols came from, when the image is stripped; or null
    private final String debugProblem; // why a debug file the image names was not used, or null

    private GuestImage(String name, ElfFile elf, long entry, List<Segment> segments, Tls tls,
                       Symbol[] symbols, Manifest manifest, int abiVersion, Path debugFile, String debugProblem) {
        this.name = name;
        this.elf = elf;
        this.bytes = elf.segment();
        this.entry = entry;
        this.segments = segments;
        this.tls = tls;
        this.symbols = symbols;
        this.manifest = manifest;
        this.abiVersion = abiVersion;
        this.debugFile = debugFile;
        this.debugProblem = debugProblem;
    }

    /**
     * Reads, parses and validates an image file; errors name the file. A stripped image gets its
     * symbols from its debug file ({@link DebugFile}); a debug file that is missing or broken costs
     * the symbols (crash reports without function names), never the image.
     */
    public static GuestImage load(Path elf) {
        byte[] data = ElfFile.readFile(elf, MAX_FILE_SIZE);
        String fileName = elf.getFileName().toString();
        String base = fileName.endsWith(".elf") ? fileName.substring(0, fileName.length() - 4) : fileName;
        GuestImage image;
        try {
            image = parse(data, base);
        } catch (ImageException e) {
            throw new ImageException(elf + ": " + e.getMessage());
        }
        if (image.symbols.length > 0) return image;
        Path found = null;
        String problem = null;
        try {
            found = DebugFile.find(elf, image.elf).orElse(null);
            if (found == null && DebugFile.debuglink(image.elf).isPresent()) {
                String named = DebugFile.debuglink(image.elf).get().fileName();
                problem = Files.isRegularFile(elf.toAbsolutePath().resolveSibling(named))
                        ? "its debug file " + named + " is not the one it was built with (the CRC differs)"
                        : "its debug file " + named + " is not beside it";
            }
            if (found != null) {
                Symbol[] symbols = functionSymbols(ElfFile.read(found, DebugFile.MAX_SIZE));
                return new GuestImage(image.name, image.elf, image.entry, image.segments, image.tls, symbols,
                        image.manifest, image.abiVersion, found, null);
            }
        } catch (ImageException e) {
            problem = (found != null ? found + ": " : "") + e.getMessage();
        }
        return new GuestImage(image.name, image.elf, image.entry, image.segments, image.tls, image.symbols,
                image.manifest, image.abiVersion, null, problem);
    }

    /** The debug file the symbols came from (a stripped image's IMAGE.debug), if one was used. */
    public Optional<Path> debugFile() {
        return Optional.ofNullable(debugFile);
    }

    /** Why the debug file the image names could not be used, if it could not. */
    public Optional<String> debugFileProblem() {
        return Optional.ofNullable(debugProblem);
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

    /**
     * The Kiln ABI version the image's runtime was built for, from its ABI note; 0 when it has
     * none (images built before ABI 3 carry none). The monitor runs only its own version.
     */
    public int abiVersion() {
        return abiVersion;
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
        return Optional.of(new SymbolRef(UntrustedText.printable(s.name()), offset)); // a crash report's line
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
            // Not Comparator.comparingLong: its lambda, inside the JDK, is spun anew at every start (the AOT cache keeps this one).
            segments.sort((a, b) -> Long.compare(a.vaddr(), b.vaddr()));
            checkNoOverlap(segments);
            long entry = h.entry();
            Segment entrySegment = segments.stream()
                    .filter(s -> Long.compareUnsigned(entry - s.vaddr(), s.memSize()) < 0).findFirst()
                    .orElseThrow(() -> new ImageException("entry point 0x" + Long.toHexString(entry) + " is in no segment"));
            if (!entrySegment.executable()) {
                throw new ImageException("entry point 0x" + Long.toHexString(entry) + " is not in an executable segment");
            }

            Symbol[] symbols = functionSymbols(elf);
            byte[] manifestNote = null;
            for (ElfFile.Section s : elf.sections()) {
                if (s.type() == ElfFile.SHT_NOTE && NOTE_SECTION.equals(s.name())) {
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
            int abi = 0;
            for (int i = 0; abi == 0 && i < notes.size(); i++) {
                ElfFile.ProgramHeader n = notes.get(i);
                abi = abiNote(n.offset(), n.fileSize(), n.align(), "program header " + n.index());
            }
            return new GuestImage(name, elf, entry, List.copyOf(segments), tls, symbols, manifest, abi, null, null);
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


        /** The ABI version of the Kiln ABI note among the notes in [offset, offset+size), or 0. */
        private int abiNote(long offset, long size, long align, String what) {
            for (ElfFile.Note n : elf.notes(offset, size, align, what)) {
                if (n.owner().equals(NOTE_OWNER) && n.type() == NOTE_TYPE_ABI) {
                    if (n.descSize() != 4) {
                        throw new ImageException("the Kiln ABI note has " + n.descSize() + " bytes, not 4");
                    }
                    byte[] v = elf.bytes(n.descOffset(), 4, "Kiln ABI note");
                    int version = (v[0] & 0xff) | (v[1] & 0xff) << 8 | (v[2] & 0xff) << 16 | (v[3] & 0xff) << 24;
                    if (version <= 0) throw new ImageException("the Kiln ABI note says version " + version);
                    return version;
                }
            }
            return 0;
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

    /** The STT_FUNC symbols of an ELF file's .symtab with an address, sorted by address (crash reports symbolize with them). */
    private static Symbol[] functionSymbols(ElfFile elf) {
        List<Symbol> out = new ArrayList<>();
        for (ElfFile.Section symtab : elf.sections()) {
            if (symtab.type() != ElfFile.SHT_SYMTAB) continue;
            for (ElfFile.Symbol s : elf.symbols(symtab)) {
                if (s.type() == ElfFile.STT_FUNC && s.value() != 0) out.add(new Symbol(s.name(), s.value(), s.size()));
            }
        }
        Symbol[] a = out.toArray(new Symbol[0]);
        Arrays.sort(a, (x, y) -> Long.compareUnsigned(x.address(), y.address()));
        return a;
    }

    /** {@code v} rounded up to a multiple of the power of two {@code a}. */
    public static long roundUp(long v, long a) {
        return ElfFile.roundUp(v, a);
    }

    private static long pageOf(long a) {
        return a >>> 12;
    }
}
