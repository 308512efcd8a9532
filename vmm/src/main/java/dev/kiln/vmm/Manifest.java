package dev.kiln.vmm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kiln manifest baked into an image: an ELF note (owner "Kiln", type 1, section
 * {@code .note.kiln}) whose descriptor is UTF-8 text, one {@code key=value} per line.
 *
 * <p>Keys: {@code name}, {@code memory_mb} (1..4096), {@code arg} (repeatable, in order),
 * {@code env} (repeatable, {@code KEY=VALUE}), {@code ip} (the guest's static address,
 * {@code A.B.C.D/PREFIX[,GATEWAY]}, see {@link StaticIp}; once). Blank lines and lines starting with {@code #}
 * are skipped; unknown keys are kept in {@link #unknown} (as the raw lines) so that
 * {@code kiln inspect} can show them. Anything else (a line without '=', an empty key,
 * a repeated name, memory_mb or ip, a bad number or address, invalid UTF-8, a NUL) rejects the image.
 *
 * @param name the image's name, or null when the manifest gives none
 * @param memoryMb the memory the image asks for, in MiB; 0 when unspecified
 * @param ip the static address the image asks for when it has a net device, or null (DHCP)
 */
public record Manifest(String name, int memoryMb, List<String> args, List<String> env, List<String> unknown,
                       StaticIp ip) {
    public static final Manifest EMPTY = new Manifest(null, 0, List.of(), List.of(), List.of(), null);
    /** The largest memory a manifest may ask for: guest memory is capped at 4 GiB. */
    public static final int MAX_MEMORY_MB = 4096;

    public Manifest(String name, int memoryMb, List<String> args, List<String> env, List<String> unknown) {
        this(name, memoryMb, args, env, unknown, null);
    }

    public Manifest {
        args = List.copyOf(args);
        env = List.copyOf(env);
        unknown = List.copyOf(unknown);
    }

    /** Parses a note descriptor; trailing NUL padding is ignored. */
    public static Manifest parse(byte[] descriptor) {
        int len = descriptor.length;
        while (len > 0 && descriptor[len - 1] == 0) len--;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(descriptor, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new ImageException("manifest: not valid UTF-8");
        }
        return parse(text);
    }

    public static Manifest parse(String text) {
        String name = null;
        int memoryMb = 0;
        StaticIp ip = null;
        List<String> args = new ArrayList<>(), env = new ArrayList<>(), unknown = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            int lineNo = i + 1;
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.indexOf('\0') >= 0) throw bad(lineNo, "contains a NUL byte");
            int eq = line.indexOf('=');
            if (eq < 0) throw bad(lineNo, "expected key=value, got \"" + line + "\"");
            String key = line.substring(0, eq), value = line.substring(eq + 1);
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.-]*")) throw bad(lineNo, "bad key \"" + key + "\"");
            switch (key) {
                case "name" -> {
                    if (name != null) throw bad(lineNo, "name given twice");
                    if (value.isEmpty()) throw bad(lineNo, "empty name");
                    name = value;
                }
                case "memory_mb" -> {
                    if (memoryMb != 0) throw bad(lineNo, "memory_mb given twice");
                    memoryMb = parseMemory(lineNo, value);
                }
                case "arg" -> args.add(value);
                case "env" -> {
                    int veq = value.indexOf('=');
                    if (veq <= 0) throw bad(lineNo, "env must be KEY=VALUE, got \"" + value + "\"");
                    env.add(value);
                }
                case "ip" -> {
                    if (ip != null) throw bad(lineNo, "ip given twice");
                    try {
                        ip = StaticIp.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw bad(lineNo, "ip: " + e.getMessage());
                    }
                }
                default -> unknown.add(line);
            }
        }
        return new Manifest(name, memoryMb, args, env, unknown, ip);
    }

    private static int parseMemory(int lineNo, String value) {
        if (!value.matches("[0-9]{1,5}")) throw bad(lineNo, "memory_mb must be a whole number, got \"" + value + "\"");
        int mb = Integer.parseInt(value);
        if (mb < 1 || mb > MAX_MEMORY_MB) throw bad(lineNo, "memory_mb must be 1.." + MAX_MEMORY_MB + ", got " + mb);
        return mb;
    }

    private static ImageException bad(int line, String what) {
        return new ImageException("manifest line " + line + ": " + printable(what));
    }

    /**
     * The message quotes the image's text, which is untrusted: control characters (a newline, a
     * terminal escape) are shown as \xNN, and a long line is cut, so the error stays one clear line.
     */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= 200) return sb.append("...").toString();
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') sb.append(String.format("\\x%02x", (int) c & 0xff));
            else sb.append(c);
        }
        return sb.toString();
    }
}
