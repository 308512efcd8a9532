package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Halves TeaVM's call-site tables in its C output: every pointer in them becomes a 32-bit
 * address. A native image is linked at 4 MiB and the monitor refuses any segment past 4 GiB
 * (GuestImage), so an address fits in 32 bits, and the linker checks it (an R_X86_64_32
 * relocation that does not fit fails the link).
 *
 * <p>The tables are TeaVM_CallSite (the exception handlers in force, the location: 16 bytes,
 * now 8), TeaVM_CallSiteLocation (method, line, next location: 20, now 12),
 * TeaVM_MethodLocation (file, class and method names: 24, now 12) and TeaVM_ExceptionHandler
 * (24, now 12). Three things change with them:
 * <ul>
 * <li>their definitions in stack.h: each pointer field is a {@code uint32_t};
 * <li>the tables in callsites.c: C cannot put a truncated address in a static initializer, so
 *     they are written in assembly ({@code .long symbol+offset}, read-only) and declared to C;
 * <li>every read of such a field in the generated code, {@code TEAVM_FIELD(p, TeaVM_CallSite,
 *     location)}, is widened back to its pointer type. A write would no longer compile, so none
 *     can slip through (TeaVM's runtime only reads them).
 * </ul>
 * The other readers (the monitor's stack walks and profiler, the gdb script) read the tables'
 * pointers with the width the image's Java debug descriptor gives ({@code table_pointer_size}).
 *
 * <p>Runs after {@link CallSiteTables#merge}; the forms it reads are TeaVM 0.16.0's
 * ({@code CallSiteGenerator}), and anything else fails the build naming what it did not know.
 */
final class NarrowCallSiteTables {
    /** TeaVM 0.16.0's definitions in stack.h, replaced whole. */
    static final String TEAVM_STRUCTS = """
            typedef struct TeaVM_MethodLocation {
                TeaVM_String** fileName;
                TeaVM_String** className;
                TeaVM_String** methodName;
            } TeaVM_MethodLocation;

            typedef struct TeaVM_CallSiteLocation {
                TeaVM_MethodLocation* method;
                int32_t lineNumber;
                struct TeaVM_CallSiteLocation* next;
            } TeaVM_CallSiteLocation;

            typedef struct TeaVM_ExceptionHandler {
                int32_t id;
                TeaVM_Class* exceptionClass;
                struct TeaVM_ExceptionHandler* next;
            } TeaVM_ExceptionHandler;

            typedef struct TeaVM_CallSite {
                TeaVM_ExceptionHandler* firstHandler;
                TeaVM_CallSiteLocation* location;
            } TeaVM_CallSite;
            """;

    /** A table's struct: its fields in order, each 4 bytes, and for each pointer field the C type it points as. */
    private record Struct(String name, Map<String, String> fields) {
        int size() {
            return 4 * fields.size();
        }
    }

    private static final List<Struct> STRUCTS = List.of(
            new Struct("TeaVM_MethodLocation", fields("fileName", "TeaVM_String**", "className", "TeaVM_String**",
                    "methodName", "TeaVM_String**")),
            new Struct("TeaVM_CallSiteLocation", fields("method", "TeaVM_MethodLocation*", "lineNumber", null,
                    "next", "TeaVM_CallSiteLocation*")),
            new Struct("TeaVM_ExceptionHandler", fields("id", null, "exceptionClass", "TeaVM_Class*",
                    "next", "TeaVM_ExceptionHandler*")),
            new Struct("TeaVM_CallSite", fields("firstHandler", "TeaVM_ExceptionHandler*",
                    "location", "TeaVM_CallSiteLocation*")));

    private static Map<String, String> fields(String... nameAndPointer) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPointer.length; i += 2) m.put(nameAndPointer[i], nameAndPointer[i + 1]);
        return m;
    }

    /** The section the tables go to: read-only, nothing writes them. */
    static final String SECTION = ".rodata.kiln_call_sites";
    private static final Pattern TABLE = Pattern.compile(
            "(static )?(TeaVM_\\w+) (\\w+)\\[(\\d+)\\] = \\{(.*?)\\n\\};\\n?", Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern INITIALIZER = Pattern.compile("\\s*\\.(\\w+) = (.+?)\\s*");
    private static final Pattern STRING = Pattern.compile("TEAVM_GET_STRING_ADDRESS\\((\\d+)\\)");
    private static final Pattern ELEMENT = Pattern.compile("(\\w+) ?\\+ ?(\\d+)");
    private static final Pattern CLASS = Pattern.compile("\\(TeaVM_Class\\*\\) &(\\w+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private NarrowCallSiteTables() {
    }

    static void apply(Path c) throws IOException, NativeBuildException {
        narrowStructs(c.resolve("stack.h"));
        Path tables = c.resolve(CallSiteTables.FILE);
        if (!Files.isRegularFile(tables)) {
            throw new NativeBuildException("TeaVM's C output has no " + CallSiteTables.FILE + " (a TeaVM other than 0.16.0?)");
        }
        Files.writeString(tables, tablesInAssembly(Files.readString(tables, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(c)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".c") && !p.equals(tables)).toList()) {
                String code = Files.readString(f, StandardCharsets.UTF_8);
                if (code.contains("TEAVM_FIELD(")) {
                    String widened = widenReads(code);
                    if (!widened.equals(code)) Files.writeString(f, widened, StandardCharsets.UTF_8);
                }
            }
        }
    }

    static void narrowStructs(Path header) throws IOException, NativeBuildException {
        String text = Files.isRegularFile(header) ? Files.readString(header, StandardCharsets.UTF_8) : "";
        if (!text.contains(TEAVM_STRUCTS)) {
            throw new NativeBuildException("TeaVM's stack.h does not define the call-site tables' structs as TeaVM"
                    + " 0.16.0 does (TeaVM_MethodLocation to TeaVM_CallSite)");
        }
        StringBuilder narrow = new StringBuilder("/* Kiln (NarrowCallSiteTables): each pointer of the call-site tables is"
                + " a 32-bit address (an image lies below 4 GiB). */\n");
        for (Struct s : STRUCTS) {
            narrow.append("typedef struct ").append(s.name()).append(" {\n");
            s.fields().forEach((field, pointer) -> narrow.append(pointer == null ? "    int32_t " : "    uint32_t ")
                    .append(field).append(';').append(pointer == null ? "" : " /* " + pointer + " */").append('\n'));
            narrow.append("} ").append(s.name()).append(";\n");
        }
        Files.writeString(header, text.replace(TEAVM_STRUCTS, narrow), StandardCharsets.UTF_8);
    }

    /** callsites.c with its tables as assembly (and C declarations for those other code names). */
    static String tablesInAssembly(String text) throws NativeBuildException {
        Map<String, Struct> byName = new LinkedHashMap<>();
        for (Struct s : STRUCTS) byName.put(s.name(), s);
        // first the tables' names and structs: an entry may point into a table defined after it
        Map<String, Struct> tables = new LinkedHashMap<>();
        Matcher m = TABLE.matcher(text);
        while (m.find()) {
            Struct s = byName.get(m.group(2));
            if (s == null) throw new NativeBuildException(CallSiteTables.FILE + ": table " + m.group(3) + " of unknown type " + m.group(2));
            tables.put(m.group(3), s);
        }
        if (!tables.containsKey("teavm_callSites")) {
            throw new NativeBuildException(CallSiteTables.FILE + " has no teavm_callSites table in TeaVM 0.16.0's form");
        }
        StringBuilder c = new StringBuilder();
        StringBuilder asm = new StringBuilder();
        m = TABLE.matcher(text);
        int end = 0;
        while (m.find()) {
            c.append(text, end, m.start());
            end = m.end();
            String name = m.group(3);
            Struct s = tables.get(name);
            int count = Integer.parseInt(m.group(4));
            List<String> rows = new ArrayList<>();
            Matcher e = ENTRY.matcher(m.group(5));
            while (e.find()) rows.add(row(name, s, e.group(1), tables));
            if (rows.size() != count) {
                throw new NativeBuildException(CallSiteTables.FILE + ": " + name + " declares " + count + " entries, "
                        + rows.size() + " were read");
            }
            boolean global = m.group(1) == null;
            if (global) c.append("extern ").append(s.name()).append(' ').append(name).append('[').append(count).append("];\n");
            asm.append(global ? "    .globl " + name + "\n" : "").append("    .type ").append(name).append(", @object\n")
                    .append("    .size ").append(name).append(", ").append((long) count * s.size()).append('\n')
                    .append(name).append(":\n");
            for (String r : rows) asm.append("    .long ").append(r).append('\n');
        }
        c.append(text, end, text.length());
        for (Struct s : STRUCTS) {
            c.append("_Static_assert(sizeof(").append(s.name()).append(") == ").append(s.size())
                    .append(", \"NarrowCallSiteTables writes ").append(s.name()).append(" as ").append(s.size())
                    .append(" bytes\");\n");
        }
        c.append("__asm__(\n    \"    .pushsection ").append(SECTION).append(", \\\"a\\\", @progbits\\n\"\n")
                .append("    \"    .balign 4\\n\"\n");
        asm.toString().lines().forEach(l -> c.append("    \"").append(l).append("\\n\"\n"));
        c.append("    \"    .popsection\\n\");\n");
        return c.toString();
    }

    /** One entry of {@code table} as the comma-separated words of a {@code .long}, fields in the struct's order. */
    private static String row(String table, Struct s, String entry, Map<String, Struct> tables) throws NativeBuildException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : entry.split(", (?=\\.)")) {
            if (part.isBlank()) continue;
            Matcher i = INITIALIZER.matcher(part);
            if (!i.matches() || !s.fields().containsKey(i.group(1))) {
                throw new NativeBuildException(CallSiteTables.FILE + ": an entry of " + table + " has \"" + part.strip()
                        + "\", not a field of " + s.name());
            }
            values.put(i.group(1), i.group(2));
        }
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, String> f : s.fields().entrySet()) {
            String v = values.getOrDefault(f.getKey(), "0"); // a field left out is zero in C
            words.add(f.getValue() == null ? number(table, v) : address(table, v, tables));
        }
        return String.join(",", words);
    }

    private static String number(String table, String v) throws NativeBuildException {
        if (!NUMBER.matcher(v).matches()) {
            throw new NativeBuildException(CallSiteTables.FILE + ": " + table + " has the number \"" + v
                    + "\", which Kiln cannot read");
        }
        return v;
    }

    /** An address TeaVM writes in C, as the assembler's expression. */
    private static String address(String table, String v, Map<String, Struct> tables) throws NativeBuildException {
        if (v.equals("NULL") || v.equals("0")) return "0";
        Matcher m;
        if ((m = STRING.matcher(v)).matches()) {
            return "teavm_stringPool+" + 8L * Integer.parseInt(m.group(1)); // TEAVM_GET_STRING_ADDRESS: a TeaVM_String*[]
        }
        if ((m = ELEMENT.matcher(v)).matches() && tables.containsKey(m.group(1))) {
            return m.group(1) + "+" + (long) tables.get(m.group(1)).size() * Integer.parseInt(m.group(2));
        }
        if ((m = CLASS.matcher(v)).matches()) return m.group(1);
        throw new NativeBuildException(CallSiteTables.FILE + ": " + table + " has the address \"" + v
                + "\", which Kiln cannot write in 32 bits");
    }

    /**
     * {@code code} with every {@code TEAVM_FIELD(p, STRUCT, FIELD)} of a narrowed pointer field widened back to
     * its pointer type, {@code ((TYPE) (uintptr_t) TEAVM_FIELD(...))}, nested reads included.
     */
    static String widenReads(String code) {
        StringBuilder out = new StringBuilder(code.length() + 256);
        int i = 0;
        while (true) {
            int at = code.indexOf("TEAVM_FIELD(", i);
            int open = at + "TEAVM_FIELD".length();
            int close = at < 0 ? -1 : matchingParen(code, open);
            if (close < 0) {
                out.append(code, i, code.length());
                return out.toString();
            }
            out.append(code, i, at);
            String inner = widenReads(code.substring(open + 1, close));
            String read = "TEAVM_FIELD(" + inner + ")";
            int c2 = inner.lastIndexOf(','), c1 = c2 < 0 ? -1 : inner.lastIndexOf(',', c2 - 1);
            String pointer = null;
            if (c1 >= 0) {
                String struct = inner.substring(c1 + 1, c2).strip(), field = inner.substring(c2 + 1).strip();
                for (Struct s : STRUCTS) {
                    if (s.name().equals(struct)) pointer = s.fields().get(field);
                }
            }
            out.append(pointer == null ? read : "((" + pointer + ") (uintptr_t) " + read + ")");
            i = close + 1;
        }
    }

    private static int matchingParen(String code, int open) {
        int depth = 0;
        for (int j = open; j < code.length(); j++) {
            char ch = code.charAt(j);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0) return j;
        }
        return -1;
    }
}
