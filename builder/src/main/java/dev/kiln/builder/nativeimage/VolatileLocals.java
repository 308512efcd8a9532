package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the locals of every generated C function that contains a try block volatile.
 *
 * <p>TeaVM's C target implements try/catch with setjmp/longjmp (TEAVM_TRY). C leaves a
 * non-volatile local that changed after setjmp indeterminate when longjmp returns there,
 * and gcc at -O2 does keep such locals in registers: without this pass a loop index
 * read in a catch handler comes back stale (a HotSpot-visible difference, found by the
 * conformance suite). Only functions with a try block are touched, so hot code without
 * exception handlers keeps its registers.
 *
 * <p>TeaVM has its own answer for some of those locals: a volatile copy ({@code teavm_spill_N})
 * written after certain assignments and copied back at the start of a catch handler. With every
 * local volatile the copy is redundant, and it is wrong where TeaVM 0.12.3 does not update it:
 * assignments on the path that resumes a suspended green thread are not backed up, so an
 * exception thrown after a blocking call (a socket timeout, a refused connect) reached the
 * handler with a stale or uninitialised value, a null or wild pointer in the handler or the
 * try-with-resources close that followed. So those copy-backs are dropped: the volatile local
 * already holds the value of its last assignment.
 */
final class VolatileLocals {
    private static final Pattern LOCAL = Pattern.compile("^(    [A-Za-z_][\\w ]*?\\**) ?(teavm_local_\\d+;)$");
    /** TeaVM's backup copy of a local, declared among the locals. */
    private static final Pattern SPILL_DECLARATION = Pattern.compile("^    volatile [\\w ]*\\** ?teavm_spill_\\d+;$");
    /** A catch handler restoring a local from its backup copy. */
    private static final Pattern SPILL_RESTORE = Pattern.compile("^\\s*teavm_local_(\\d+) = teavm_spill_\\1;$");

    private VolatileLocals() {
    }

    static void apply(Path classesDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(classesDir)) {
            files = s.filter(f -> f.toString().endsWith(".c")).toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (!text.contains("TEAVM_TRY")) {
                continue;
            }
            Files.writeString(f, rewrite(text), StandardCharsets.UTF_8);
        }
    }

    static String rewrite(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 1024);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            boolean functionStart = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.endsWith("{")
                    && line.contains("(");
            if (!functionStart) {
                out.append(line);
                if (++i < lines.length) {
                    out.append('\n');
                }
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].equals("}")) {
                end++;
            }
            boolean hasTry = false;
            for (int j = i; j < end && j < lines.length; j++) {
                if (lines[j].contains("TEAVM_TRY")) {
                    hasTry = true;
                    break;
                }
            }
            boolean inDeclarations = true; // locals are declared at the top of the function, before any statement
            Set<String> volatileLocals = new HashSet<>();
            for (int j = i; j <= end && j < lines.length; j++) {
                String l = lines[j];
                if (hasTry && j > i && inDeclarations) {
                    Matcher m = LOCAL.matcher(l);
                    if (m.matches() && !l.startsWith("    return ")) {
                        l = m.group(1) + " volatile " + m.group(2);
                        volatileLocals.add(m.group(2).substring("teavm_local_".length(), m.group(2).length() - 1));
                    } else if (!SPILL_DECLARATION.matcher(l).matches()) {
                        inDeclarations = false;
                    }
                } else if (hasTry) {
                    Matcher r = SPILL_RESTORE.matcher(l);
                    if (r.matches() && volatileLocals.contains(r.group(1))) {
                        continue; // the volatile local holds its value already (parameters are not volatile: kept)
                    }
                }
                out.append(l);
                if (j + 1 < lines.length) {
                    out.append('\n');
                }
            }
            i = end + 1;
        }
        return out.toString();
    }
}
