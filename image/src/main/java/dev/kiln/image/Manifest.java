package dev.kiln.image;

import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a native image, in the ELF note (owner "Kiln", type 1, section
 * {@code .note.kiln}) whose descriptor is {@link ManifestText} (docs/image-format.md).
 *
 * <p>Keys: {@code name}, {@code memory_mb} (1..4096), {@code arg} (repeatable, in order),
 * {@code env} (repeatable, {@code KEY=VALUE}), {@code ip} (the guest's static address,
 * {@code A.B.C.D/PREFIX[,GATEWAY]}, see {@link StaticIp}; once). Unknown keys are kept in
 * {@link #unknown} (as lines) so that {@code kiln inspect} can show them. Anything else (an empty
 * name, a repeated name, memory_mb or ip, a bad number or address, an env without '=', and
 * whatever the grammar refuses) rejects the image with "manifest line N: ...".
 *
 * <p>A Manifest holds only what the reader accepts (the constructor checks), so what
 * {@link #text} writes always parses back to an equal Manifest.
 *
 * @param name the image's name, or null when the manifest gives none
 * @param memoryMb the memory the image asks for, in MiB; 0 when unspecified
 * @param unknown lines with keys this Kiln does not know, as {@link ManifestText} writes them
 * @param ip the static address the image asks for when it has a net device, or null (DHCP)
 */
public record Manifest(String name, int memoryMb, List<String> args, List<String> env, List<String> unknown,
                       StaticIp ip) {
    public static final Manifest EMPTY = new Manifest(null, 0, List.of(), List.of(), List.of(), null);
    /** The largest memory a manifest may ask for: guest memory is capped at 4 GiB. */
    public static final int MAX_MEMORY_MB = (int) (GuestImage.LOAD_LIMIT >> 20);
    static final List<String> KEYS = List.of("name", "memory_mb", "arg", "env", "ip");

    public Manifest(String name, int memoryMb, List<String> args, List<String> env, List<String> unknown) {
        this(name, memoryMb, args, env, unknown, null);
    }

    /** IllegalArgumentException, naming the problem, for what the reader would refuse. */
    public Manifest {
        args = List.copyOf(args);
        env = List.copyOf(env);
        unknown = List.copyOf(unknown);
        if (name != null) check(nameProblem(name));
        if (memoryMb != 0) check(memoryProblem(memoryMb));
        for (String e : env) check(envProblem(e));
        for (String line : unknown) check(ManifestText.unknownLineProblem(line, KEYS));
        write(name, memoryMb, args, env, ip, unknown); // the grammar's own checks: no NUL, Unicode text
    }

    private static void check(String problem) {
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** A copy with another name, memory, arguments and environment. */
    public Manifest with(String newName, int newMemoryMb, List<String> newArgs, List<String> newEnv) {
        return new Manifest(newName, newMemoryMb, newArgs, newEnv, unknown, ip);
    }

    /** A copy with a static address (null: DHCP). */
    public Manifest withIp(StaticIp newIp) {
        return new Manifest(name, memoryMb, args, env, unknown, newIp);
    }

    // ---- reading ----

    /** Parses a note descriptor; trailing NUL padding is ignored. */
    public static Manifest parse(byte[] descriptor) {
        return read(ManifestText.parse(descriptor));
    }

    public static Manifest parse(String text) {
        return read(ManifestText.parse(text));
    }

    private static Manifest read(ManifestText text) {
        String name = null;
        int memoryMb = 0;
        StaticIp ip = null;
        List<String> args = new ArrayList<>(), env = new ArrayList<>(), unknown = new ArrayList<>();
        for (ManifestText.Entry e : text.entries()) {
            String value = e.value();
            switch (e.key()) {
                case "name" -> {
                    if (name != null) throw ManifestText.error(e, "name given twice");
                    refuse(e, nameProblem(value));
                    name = value;
                }
                case "memory_mb" -> {
                    if (memoryMb != 0) throw ManifestText.error(e, "memory_mb given twice");
                    memoryMb = parseMemory(e);
                }
                case "arg" -> args.add(value);
                case "env" -> {
                    refuse(e, envProblem(value));
                    env.add(value);
                }
                case "ip" -> {
                    if (ip != null) throw ManifestText.error(e, "ip given twice");
                    try {
                        ip = StaticIp.parse(value);
                    } catch (IllegalArgumentException bad) {
                        throw ManifestText.error(e, "ip: " + bad.getMessage());
                    }
                }
                default -> unknown.add(ManifestText.line(e.key(), value));
            }
        }
        return new Manifest(name, memoryMb, args, env, unknown, ip);
    }

    private static void refuse(ManifestText.Entry e, String problem) {
        if (problem != null) throw ManifestText.error(e, problem);
    }

    private static int parseMemory(ManifestText.Entry e) {
        String v = e.value();
        if (!v.matches("[0-9]{1,5}")) {
            throw ManifestText.error(e, "memory_mb must be a whole number, got " + ManifestText.quote(v));
        }
        refuse(e, memoryProblem(Integer.parseInt(v)));
        return Integer.parseInt(v);
    }

    private static String nameProblem(String name) {
        return name.isEmpty() ? "empty name" : null;
    }

    private static String memoryProblem(int mb) {
        return mb < 1 || mb > MAX_MEMORY_MB ? "memory_mb must be 1.." + MAX_MEMORY_MB + ", got " + mb : null;
    }

    private static String envProblem(String entry) {
        return entry.indexOf('=') <= 0 ? "env must be KEY=VALUE, got " + ManifestText.quote(entry) : null;
    }

    // ---- writing ----

    /** The note descriptor's text: every key that is set, in the order of the table in docs/image-format.md. */
    public String text() {
        return write(name, memoryMb, args, env, ip, unknown);
    }

    private static String write(String name, int memoryMb, List<String> args, List<String> env, StaticIp ip,
                                List<String> unknown) {
        ManifestText.Writer w = ManifestText.writer();
        if (name != null) w.add("name", name);
        if (memoryMb != 0) w.add("memory_mb", String.valueOf(memoryMb));
        w.addAll("arg", args).addAll("env", env);
        if (ip != null) w.add("ip", ip.toString());
        return w.addLines(unknown).text();
    }
}
