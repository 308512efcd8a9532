package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes TeaVM's call-site tables smaller in its C output (they were a third of every image):
 * identical call sites are merged, and their pointers narrowed to 32 bits.
 *
 * <p><b>Merging.</b> TeaVM's C backend gives every call in
 * managed code its own call-site id (the code stores it in the shadow-stack frame before the
 * call) and its own 16-byte entry in {@code teavm_callSites}: the exception handlers in force and
 * the location (method, line, the methods it was inlined into). A null check and the call it
 * guards, or two calls on one line, have equal entries; in the HTTP example 7,078 entries held
 * 4,603 distinct ones. Every reader of the table (exception dispatch, stack traces, KilnStacks,
 * the monitor's stack walks and profiler, the gdb script) looks an id up and reads the entry, so
 * calls with equal entries can share one id: this rewrites the ids in the generated code and
 * keeps one entry of each. Nothing else in TeaVM's output depends on the ids' values (with
 * setjmp exceptions, which Kiln's runtime uses, ids are never incremented or compared).
 *
 * <p><b>Narrowing.</b> Then {@link NarrowCallSiteTables} writes every pointer of the tables in 32 bits.
 *
 * <p>Runs on the C output before gcc; the format it reads is TeaVM 0.16.0's
 * ({@code CallSiteGenerator}, {@code TEAVM_WITH_CALL_SITE_ID(id, ...)}): anything else fails the
 * build naming what was not found.
 */
final class CallSiteTables {
    static final String FILE = "callsites.c";
    private static final Pattern TABLE = Pattern.compile("TeaVM_CallSite teavm_callSites\\[(\\d+)\\] = \\{(.*?)\\n\\};",
            Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("\\{ \\.firstHandler = ([^,{}]+), \\.location = ([^,{}]+?) \\}");
    private static final Pattern USE = Pattern.compile("TEAVM_WITH_CALL_SITE_ID\\((\\d+), ");

    /** How many entries the table had and has. */
    record Merged(int before, int after) {
    }

    private CallSiteTables() {
    }

    static Merged apply(Path c) throws IOException, NativeBuildException {
        Merged merged = merge(c);
        NarrowCallSiteTables.apply(c);
        return merged;
    }

    static Merged merge(Path c) throws IOException, NativeBuildException {
        Path table = c.resolve(FILE);
        if (!Files.isRegularFile(table)) {
            throw new NativeBuildException("TeaVM's C output has no " + FILE + " (a TeaVM other than 0.16.0?)");
        }
        String text = Files.readString(table, StandardCharsets.UTF_8);
        Matcher m = TABLE.matcher(text);
        if (!m.find()) {
            throw new NativeBuildException(FILE + " has no teavm_callSites table in TeaVM 0.16.0's form");
        }
        int count = Integer.parseInt(m.group(1));
        List<String> entries = new ArrayList<>();
        Matcher e = ENTRY.matcher(m.group(2));
        while (e.find()) {
            entries.add(e.group(1).strip() + "\u0000" + e.group(2).strip());
        }
        if (entries.size() != count) {
            throw new NativeBuildException(FILE + ": teavm_callSites declares " + count + " entries, " + entries.size()
                    + " were read");
        }
        int[] newId = new int[count];
        Map<String, Integer> ids = new HashMap<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Integer id = ids.get(entries.get(i));
            if (id == null) {
                id = kept.size();
                ids.put(entries.get(i), id);
                kept.add(entries.get(i));
            }
            newId[i] = id;
        }
        StringBuilder merged = new StringBuilder("TeaVM_CallSite teavm_callSites[" + Math.max(1, kept.size()) + "] = {");
        for (int i = 0; i < kept.size(); i++) {
            String[] parts = kept.get(i).split("\u0000");
            merged.append(i > 0 ? "," : "").append("\n    { .firstHandler = ").append(parts[0]).append(", .location = ")
                    .append(parts[1]).append(" }");
        }
        if (kept.isEmpty()) {
            merged.append("\n    { .firstHandler = NULL, .location = NULL }");
        }
        merged.append("\n};");
        Files.writeString(table, text.substring(0, m.start()) + merged + text.substring(m.end()), StandardCharsets.UTF_8);

        int[] uses = {0};
        try (Stream<Path> files = Files.walk(c)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".c") && !p.equals(table)).toList()) {
                String code = Files.readString(f, StandardCharsets.UTF_8);
                if (!code.contains("TEAVM_WITH_CALL_SITE_ID(")) {
                    continue;
                }
                Matcher u = USE.matcher(code);
                StringBuilder out = new StringBuilder(code.length());
                while (u.find()) {
                    int id = Integer.parseInt(u.group(1));
                    if (id >= count) {
                        throw new NativeBuildException(c.relativize(f) + " uses call site " + id + ", past the table's "
                                + count);
                    }
                    u.appendReplacement(out, "TEAVM_WITH_CALL_SITE_ID(" + newId[id] + ", ");
                    uses[0]++;
                }
                u.appendTail(out);
                Files.writeString(f, out, StandardCharsets.UTF_8);
            }
        }
        if (uses[0] == 0 && count > 0) {
            throw new NativeBuildException("no TEAVM_WITH_CALL_SITE_ID(id, ...) in TeaVM's C output, but " + count
                    + " call sites in " + FILE);
        }
        return new Merged(count, kept.size());
    }
}
