package dev.kiln.image;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The manifest of a jvm-flavor image, in {@link ManifestText}'s grammar (docs/image-format.md,
 * "jvm flavor"). The builder writes it into the image file and into the initramfs; the runner
 * reads it from the file and Kiln's init (PID 1 in the guest) from the initramfs, all with this
 * class.
 *
 * <p>A JvmManifest holds only what the reader accepts (the constructor checks), so what
 * {@link #text} writes always parses back to an equal JvmManifest.
 *
 * @param name the image's name, also the guest's host name: {@code [a-z0-9-]}, at most 63
 * @param mainClass the app's main class
 * @param memoryMb guest memory, 64..65536 MiB
 * @param env {@code NAME=VALUE} entries; they travel on the kernel command line, so no {@code "} or line break
 * @param modules the JDK modules in the runtime (jdeps' set, closed over {@code requires})
 * @param kernelHash the kernel's configuration hash (the cache key), or null
 * @param linuxSource the Debian version of linux-source the kernel was built from, or null
 * @param jdk the version of the JDK the runtime was linked from, or null
 * @param appJar the app's jar inside the image, under /app/
 * @param unknown lines with keys this Kiln does not know, as {@link ManifestText} writes them
 */
public record JvmManifest(String name, String mainClass, int memoryMb, List<String> args, List<String> env,
                          List<String> jvmOptions, List<String> modules, String kernelHash, String linuxSource,
                          String jdk, String appJar, List<String> unknown) {
    /** The value of {@code kiln_format} this Kiln writes and reads. */
    public static final String FORMAT = "jvm/1";
    /** The only {@code initramfs_encoding}. */
    public static final String INITRAMFS_ENCODING = "gzip";
    public static final int MIN_MEMORY_MB = 64, MAX_MEMORY_MB = 65536;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final List<String> KEYS = List.of("kiln_format", "name", "main", "memory_mb", "arg", "env",
            "jvm_option", "modules", "kernel_hash", "linux_source", "jdk", "app_jar", "initramfs_encoding");

    /** IllegalArgumentException, naming the problem, for what the reader would refuse. */
    public JvmManifest {
        args = List.copyOf(args);
        env = List.copyOf(env);
        jvmOptions = List.copyOf(jvmOptions);
        modules = List.copyOf(modules);
        unknown = List.copyOf(unknown);
        check(problem("name", name));
        check(problem("main", mainClass));
        check(memoryProblem(memoryMb));
        for (String e : env) check(problem("env", e));
        if (!modules.isEmpty()) check(modulesProblem(String.join(",", modules)));
        check(problem("app_jar", appJar));
        for (String line : unknown) check(ManifestText.unknownLineProblem(line, KEYS));
        write(name, mainClass, memoryMb, args, env, jvmOptions, modules, kernelHash, linuxSource, jdk, appJar,
                unknown); // the grammar's own checks: no NUL, Unicode text
    }

    /** A copy with what the build learned: the runtime's modules, the kernel and the JDK it was linked from. */
    public JvmManifest withRuntime(List<String> newModules, String newKernelHash, String newLinuxSource, String newJdk) {
        return new JvmManifest(name, mainClass, memoryMb, args, env, jvmOptions, newModules, newKernelHash,
                newLinuxSource, newJdk, appJar, unknown);
    }

    /** True if {@code s} is a Java class's binary name (what {@code main} holds). */
    public static boolean isClassName(String s) {
        return CLASS_NAME.matcher(s).matches();
    }

    private static void check(String problem) {
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    // ---- reading ----

    public static JvmManifest parse(byte[] bytes) {
        return read(ManifestText.parse(bytes));
    }

    public static JvmManifest parse(String text) {
        return read(ManifestText.parse(text));
    }

    private static JvmManifest read(ManifestText text) {
        String[] single = new String[KEYS.size()];
        List<String> args = new ArrayList<>(), env = new ArrayList<>(), options = new ArrayList<>(),
                unknown = new ArrayList<>();
        for (ManifestText.Entry e : text.entries()) {
            String key = e.key(), value = e.value();
            switch (key) {
                case "arg" -> args.add(value);
                case "jvm_option" -> options.add(value);
                case "env" -> {
                    refuse(e, problem(key, value));
                    env.add(value);
                }
                default -> {
                    int k = KEYS.indexOf(key);
                    if (k < 0) {
                        unknown.add(ManifestText.line(key, value));
                        continue;
                    }
                    if (single[k] != null) throw ManifestText.error(e, key + " given twice");
                    refuse(e, problem(key, value));
                    single[k] = value;
                }
            }
        }
        required(single, "kiln_format");
        required(single, "initramfs_encoding");
        String memory = required(single, "memory_mb");
        String modules = single[KEYS.indexOf("modules")];
        return new JvmManifest(required(single, "name"), required(single, "main"), Integer.parseInt(memory), args, env,
                options, modules == null || modules.isEmpty() ? List.of() : List.of(modules.split(",")),
                single[KEYS.indexOf("kernel_hash")], single[KEYS.indexOf("linux_source")], single[KEYS.indexOf("jdk")],
                required(single, "app_jar"), unknown);
    }

    private static String required(String[] single, String key) {
        String v = single[KEYS.indexOf(key)];
        if (v == null) throw ManifestText.missing(key);
        return v;
    }

    private static void refuse(ManifestText.Entry e, String problem) {
        if (problem != null) throw ManifestText.error(e, problem);
    }

    /** What is wrong with {@code value} for {@code key}, or null. */
    private static String problem(String key, String value) {
        if (value == null) return key + " is missing";
        return switch (key) {
            case "kiln_format" -> FORMAT.equals(value) ? null
                    : "kiln_format " + ManifestText.quote(value) + " is not one this Kiln reads (" + FORMAT + ")";
            case "name" -> NAME.matcher(value).matches() ? null
                    : "bad image name " + ManifestText.quote(value) + ": use lowercase letters, digits and '-' (a host name, at most 63)";
            case "main" -> CLASS_NAME.matcher(value).matches() ? null : "bad main class name " + ManifestText.quote(value);
            case "memory_mb" -> !value.matches("[0-9]{1,6}") ? "memory_mb must be a whole number, got " + ManifestText.quote(value)
                    : memoryProblem(Integer.parseInt(value));
            case "env" -> envProblem(value);
            case "modules" -> value.isEmpty() ? null : modulesProblem(value);
            case "app_jar" -> value.startsWith("/app/") && value.length() > 5 && !value.contains("/../") ? null
                    : "app_jar must be a path under /app/, got " + ManifestText.quote(value);
            case "initramfs_encoding" -> INITRAMFS_ENCODING.equals(value) ? null
                    : "unsupported initramfs_encoding " + ManifestText.quote(value) + " (only " + INITRAMFS_ENCODING + ")";
            default -> null;
        };
    }

    private static String memoryProblem(int mb) {
        return mb < MIN_MEMORY_MB || mb > MAX_MEMORY_MB
                ? "memory_mb must be " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB + ", got " + mb : null;
    }

    private static String envProblem(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || !ENV_NAME.matcher(entry.substring(0, eq)).matches()) {
            return "env must be NAME=VALUE with NAME of letters, digits and '_', got " + ManifestText.quote(entry);
        }
        if (entry.indexOf('"') >= 0 || entry.indexOf('\n') >= 0 || entry.indexOf('\r') >= 0) {
            return "environment variable " + entry.substring(0, eq)
                    + ": values cannot contain '\"' or line breaks (they travel on the kernel command line)";
        }
        return null;
    }

    private static String modulesProblem(String list) {
        for (String m : list.split(",", -1)) {
            if (!MODULE.matcher(m).matches()) return "bad module name " + ManifestText.quote(m) + " in modules";
        }
        return null;
    }

    // ---- writing ----

    /** The manifest's text, keys in the order of the table in docs/image-format.md. */
    public String text() {
        return write(name, mainClass, memoryMb, args, env, jvmOptions, modules, kernelHash, linuxSource, jdk, appJar,
                unknown);
    }

    private static String write(String name, String mainClass, int memoryMb, List<String> args, List<String> env,
                                List<String> jvmOptions, List<String> modules, String kernelHash, String linuxSource,
                                String jdk, String appJar, List<String> unknown) {
        ManifestText.Writer w = ManifestText.writer().add("kiln_format", FORMAT).add("name", name)
                .add("main", mainClass).add("memory_mb", String.valueOf(memoryMb))
                .addAll("arg", args).addAll("env", env).addAll("jvm_option", jvmOptions)
                .add("modules", String.join(",", modules));
        if (kernelHash != null) w.add("kernel_hash", kernelHash);
        if (linuxSource != null) w.add("linux_source", linuxSource);
        if (jdk != null) w.add("jdk", jdk);
        w.add("app_jar", appJar).add("initramfs_encoding", INITRAMFS_ENCODING);
        return w.addLines(unknown).text();
    }

    public byte[] bytes() {
        return text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
