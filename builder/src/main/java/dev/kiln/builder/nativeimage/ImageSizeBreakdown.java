package dev.kiln.builder.nativeimage;

import dev.kiln.image.ImageInfo;
import dev.kiln.image.TeaVmCName;
import dev.kiln.image.elf.ElfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the bytes of a stripped native image come from: every symbol of its debug file that lies
 * in a section the image file carries (.text, .rodata, .data; not .bss) is given to one
 * {@link Part}; what no symbol covers within those sections is {@link Part#UNNAMED}, and the rest
 * of the file (headers, page alignment, the section table) {@link Part#LAYOUT}, so the parts add
 * up to the file's size exactly.
 *
 * <p>Java code and data are told apart by TeaVM's C names ({@code meth_dklt_EventLoop_loop},
 * {@code dklt_EventLoop_Cls}, {@code sfld_...}, {@code initclass_...}), matched against the
 * image's class list (its {@code .kiln.classes} section); C symbols by the archive of the link
 * that defines them (musl's math objects are libm: musl keeps them in libc.a).
 */
public final class ImageSizeBreakdown {
    /** What a byte of an image belongs to. */
    public enum Part {
        APP("app", "the application's classes"),
        LIBOS("libos", "Kiln's library OS (dev.kiln.libos, dev.kiln.metrics)"),
        KILN_RT("kiln_rt", "Kiln's Java runtime (dev.kiln.rt)"),
        JDK("jdk", "the JDK class library (TeaVM's and Kiln's java.*)"),
        TEAVM("teavm_runtime", "TeaVM's runtime (org.teavm.*, its C runtime, string pool, constants)"),
        CALL_SITES("call_sites", "TeaVM's call-site tables (exception dispatch, stack traces, debuggers)"),
        C_RUNTIME("c_runtime", "Kiln's guest C runtime (guest/: libkiln, libkilnc)"),
        LIBC("libc", "musl's libc"),
        LIBM("libm", "musl's math functions"),
        UNNAMED("unnamed", "bytes of loaded sections no symbol covers (gcc's constants, notes, padding between symbols)"),
        LAYOUT("layout", "ELF and program headers, page alignment between segments, the section table");

        public final String key;
        public final String description;

        Part(String key, String description) {
            this.key = key;
            this.description = description;
        }
    }

    /** The sizes of one image: its file size and bytes per part (adding up to the file size). */
    public record Sizes(long fileSize, Map<Part, Long> parts) {
        public long of(Part p) {
            return parts.getOrDefault(p, 0L);
        }
    }

    private static final Pattern CALL_SITE_TABLE = Pattern.compile("teavm_callSites|\\w+_teavm_callSites");
    private static final List<String> CLASS_PREFIXES = List.of("meth_", "sysinitclass_", "initclass_", "supertypeof_", "sfld_");
    /** musl's internal math helpers (everything else of libm is named as in math.h). */
    private static final Pattern MUSL_MATH_INTERNAL = Pattern.compile(
            "__(rem_pio2\\w*|sin\\w*|cos\\w*|tan\\w*|expo2\\w*|math_\\w+|polevll|invtrig\\w*|signbit\\w*|fpclassify\\w*|lgamma\\w*|fma\\w*)"
                    + "|\\w+_data");

    private final Map<String, Part> archiveSymbols;

    private ImageSizeBreakdown(Map<String, Part> archiveSymbols) {
        this.archiveSymbols = archiveSymbols;
    }

    /**
     * A breakdown for images linked from Kiln's guest at {@code guest} (its build/ archives) and
     * musl's libc.a, as {@link NativeImageBuilder} links them.
     */
    public static ImageSizeBreakdown forGuest(Path guest) throws NativeBuildException, IOException {
        Map<String, Part> symbols = new HashMap<>();
        Set<String> mathNames = mathFunctionNames();
        // Kiln's archives first: a symbol they define wins over musl's (the link takes them first).
        for (Path a : List.of(guest.resolve("build/libkilnc.a"), guest.resolve("build/libkiln.a"))) {
            definedSymbols(a).forEach((sym, member) -> symbols.putIfAbsent(sym, Part.C_RUNTIME));
        }
        definedSymbols(Path.of(NativeImageBuilder.MUSL_LIBC)).forEach((sym, member) -> {
            String obj = member.replaceFirst("\\.l?o$", "");
            boolean math = mathNames.contains(obj) || MUSL_MATH_INTERNAL.matcher(obj).matches();
            symbols.putIfAbsent(sym, math ? Part.LIBM : Part.LIBC);
        });
        return new ImageSizeBreakdown(symbols);
    }

    /** The sizes of {@code image} (stripped) by part, from its debug file {@code debugFile}. */
    public Sizes of(Path image, Path debugFile) {
        ElfFile stripped = ElfFile.read(image, 1L << 30);
        ElfFile debug = ElfFile.read(debugFile, 1L << 30);
        List<ElfFile.Section> inFile = stripped.sections().stream()
                .filter(s -> s.allocated() && s.type() != ElfFile.SHT_NOBITS && s.size() > 0).toList();
        List<String> classes = new ArrayList<>(ImageInfo.read(debugFile).classes());
        if (classes.isEmpty()) classes = ImageInfo.read(image).classes();
        Map<String, String> cClasses = new HashMap<>(); // TeaVM's C name -> Java name
        for (String c : classes) cClasses.put(TeaVmCName.of(c), c);
        TreeSet<String> byLength = new TreeSet<>((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        byLength.addAll(cClasses.keySet());

        Map<Part, Long> parts = new LinkedHashMap<>();
        for (Part p : Part.values()) parts.put(p, 0L);
        long covered = 0;
        ElfFile.Section symtab = debug.sections().stream().filter(s -> s.type() == ElfFile.SHT_SYMTAB).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(debugFile + " has no symbol table"));
        // Symbols may alias (setjmp/_setjmp): each address range counts once.
        Set<Long> seen = new java.util.HashSet<>();
        for (ElfFile.Symbol s : debug.symbols(symtab)) {
            if (s.size() == 0 || s.name().isEmpty() || !inside(inFile, s.value(), s.size()) || !seen.add(s.value())) continue;
            Part p = partOf(s.name(), byLength, cClasses);
            parts.merge(p, s.size(), Long::sum);
            covered += s.size();
        }
        long fileSize = stripped.size();
        long sections = inFile.stream().mapToLong(ElfFile.Section::size).sum();
        parts.merge(Part.UNNAMED, sections - covered, Long::sum);
        parts.merge(Part.LAYOUT, fileSize - sections, Long::sum);
        return new Sizes(fileSize, parts);
    }

    Part partOf(String symbol, TreeSet<String> cClassesByLength, Map<String, String> cClasses) {
        if (CALL_SITE_TABLE.matcher(symbol).matches()) return Part.CALL_SITES;
        String cClass = javaClassOf(symbol, cClassesByLength);
        if (cClass != null) return partOfClass(cClasses.get(cClass));
        Part archived = archiveSymbols.get(symbol);
        if (archived != null) return archived;
        // TeaVM's C runtime and the generated code's own data (strings, literals, class tables).
        return Part.TEAVM;
    }

    /** The C class name a TeaVM symbol belongs to ("dklt_EventLoop" for "meth_dklt_EventLoop_loop"), or null. */
    static String javaClassOf(String symbol, TreeSet<String> cClassesByLength) {
        String rest = null;
        for (String prefix : CLASS_PREFIXES) {
            if (symbol.startsWith(prefix)) {
                rest = symbol.substring(prefix.length());
                break;
            }
        }
        if (rest == null && symbol.endsWith("_Cls")) rest = symbol.substring(0, symbol.length() - 4);
        if (rest == null) return null;
        for (String c : cClassesByLength) { // longest first: "jl_String" before "jl_Str"
            if (rest.equals(c) || rest.startsWith(c + "_")) return c;
        }
        return null;
    }

    static Part partOfClass(String javaClass) {
        if (javaClass.startsWith("dev.kiln.rt.")) return Part.KILN_RT;
        if (javaClass.startsWith("dev.kiln.libos.") || javaClass.startsWith("dev.kiln.metrics.")) return Part.LIBOS;
        if (javaClass.startsWith("org.teavm.")) return Part.TEAVM;
        if (javaClass.startsWith("java.") || javaClass.startsWith("javax.") || javaClass.startsWith("jdk.")
                || javaClass.startsWith("sun.") || javaClass.startsWith("com.sun.")) return Part.JDK;
        return Part.APP;
    }

    private static boolean inside(List<ElfFile.Section> sections, long address, long size) {
        for (ElfFile.Section s : sections) {
            if (address >= s.address() && address + size <= s.address() + s.size()) return true;
        }
        return false;
    }

    /** Symbol -> archive member defining it, from {@code nm -A --defined-only} (binutils, which the build needs anyway). */
    static Map<String, String> definedSymbols(Path archive) throws NativeBuildException, IOException {
        if (!Files.isRegularFile(archive)) {
            throw new NativeBuildException(archive + " is missing (build Kiln's guest, or apt-get install musl-dev)");
        }
        Process nm = new ProcessBuilder("nm", "-A", "--defined-only", "-P", archive.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!nm.waitFor(60, TimeUnit.SECONDS) || nm.exitValue() != 0) {
                throw new NativeBuildException("nm " + archive + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeBuildException("interrupted while reading " + archive);
        }
        // "libc.a[sin.lo]: sin T 0000000000000000 0000000000000123"
        Pattern line = Pattern.compile("^[^\\[]*\\[([^\\]]+)\\]: (\\S+) [A-Za-z]");
        Map<String, String> symbols = new HashMap<>();
        for (String l : out.split("\n")) {
            Matcher m = line.matcher(l);
            if (m.find()) symbols.putIfAbsent(m.group(2), m.group(1));
        }
        return symbols;
    }

    /** The function names math.h declares (musl names each math object after its function). */
    static Set<String> mathFunctionNames() throws IOException {
        Path header = Path.of(NativeImageBuilder.MUSL_INCLUDE, "math.h");
        Set<String> names = new TreeSet<>();
        if (!Files.isRegularFile(header)) {
            throw new IOException(header + " is missing (apt-get install musl-dev): libm cannot be told from libc");
        }
        Matcher m = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\(").matcher(Files.readString(header));
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
