package dev.kiln.cli;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.FileMapping;
import dev.kiln.builder.nativeimage.DebugFiles;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.image.Manifest;
import dev.kiln.image.StaticIp;
import dev.kiln.jvm.JvmFlavor;
import dev.kiln.jvm.build.JvmImageBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `kiln build`: app to image. --flavor native (the default): the app compiled ahead of time with
 * TeaVM's C target into a unikernel for Kiln's VMM; --flavor jvm: any executable jar as a Linux
 * microVM image.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build an image from an app.",
                "--flavor native (default): INPUT is a jar, a directory of class files or a project directory",
                "  (kiln.properties + src/); the app is compiled to a unikernel image of a few hundred KB.",
                "--flavor jvm: any executable jar as a Linux microVM image."})
public final class BuildCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "jar, classes directory or project directory")
    Path input;

    @Option(names = "--flavor", defaultValue = "native", description = "Image flavor: native (default) or jvm.")
    String flavor;

    @Option(names = {"-o", "--output"}, paramLabel = "IMAGE", description = "Image file (default: NAME.kiln).")
    Path output;

    @Option(names = "--main", paramLabel = "CLASS", description = "Main class, if the input does not say.")
    String main;

    @Option(names = "--name", description = "Image name (default: from the input's file name or kiln.properties).")
    String name;

    @Option(names = "--memory", paramLabel = "MB",
            description = "Guest memory in MB (default: native 64 or kiln.properties' memory_mb; jvm 512).")
    Integer memoryMb;

    @Option(names = "--arg", paramLabel = "ARG", description = "An argument for main (repeatable).")
    List<String> args = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the app (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--ip", paramLabel = "CIDR[,GATEWAY]",
            description = "Native flavor: the guest's static address when it has a net device, e.g. 10.0.0.2/24,10.0.0.1"
                    + " (kiln run --ip overrides it; without either the guest uses DHCP).")
    String ip;

    @Option(names = "--file", paramLabel = "SRC:DEST",
            description = "Native flavor: the host file or directory SRC, read-only at the absolute path DEST in the image"
                    + " (repeatable; after kiln.properties' files=).")
    List<String> files = new ArrayList<>();

    @Option(names = "--add-modules", paramLabel = "MODULE[,MODULE]", split = ",",
            description = "jvm flavor: JDK modules to add to what jdeps finds (e.g. for reflection or services).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "jvm flavor: a JVM option for the image (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = {"-g", "--debug"},
            description = {"Native flavor: Java line numbers and DWARF in IMAGE.debug, the Java sources in IMAGE.src/",
                    "(the app's and libos'), for kiln debug and core files (docs/debugging.md). The code is the same."})
    boolean debug;

    @Option(names = "--sources", paramLabel = "DIR",
            description = "Native flavor with -g: a directory of the app's Java sources (repeatable; a project's src/ is"
                    + " found by itself).")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--oci-layout", paramLabel = "DIR",
            description = "Also write the image as an OCI image layout in DIR (new or empty; skopeo's oci:DIR:TAG).")
    Path ociLayout;

    @Option(names = "--oci-archive", paramLabel = "FILE",
            description = "Also write the image as an OCI layout tar (podman's and skopeo's oci-archive:FILE:TAG).")
    Path ociArchive;

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = "latest",
            description = "The tag of the image in --oci-layout and --oci-archive (default latest).")
    String tag;

    @Option(names = "--port", paramLabel = "PORT",
            description = "A TCP port the app serves (repeatable): the OCI image's ExposedPorts and dev.kiln.ports label.")
    List<Integer> ports = new ArrayList<>();

    @Option(names = "--train-app", description = {"jvm flavor: the AOT cache's training run (as root, chrooted, in a network",
            "namespace of its own) also runs the app's main until it returns, as a server's does once it listens:",
            "the image then boots with the app's classes loaded and linked."})
    boolean trainApp;

    @Override
    public Integer call() throws Exception {
        switch (flavor) {
            case "jvm":
                return buildJvm();
            case "native":
                if (!modules.isEmpty() || !jvmOptions.isEmpty() || trainApp)
                    throw new UserError("--add-modules, --jvm-option and --train-app are for --flavor jvm");
                break;
            default:
                System.err.println("kiln: build: --flavor must be native or jvm, not '" + flavor + "'");
                return 2;
        }
        if (!sources.isEmpty() && !debug) throw new UserError("--sources is for debug builds: add -g");
        for (Path dir : sources) {
            if (!Files.isDirectory(dir)) throw new UserError("--sources " + dir + " is not a directory");
        }
        try {
            NativeImageBuilder.Result built = buildNative(input, main, name, memoryMb, args, env, ip, files,
                    new NativeImageBuilder.Options(debug, sources));
            if (output != null || (ociLayout == null && ociArchive == null)) {
                Path out = output != null ? output : Path.of(built.image().getFileName().toString());
                DebugFiles.install(built, out);
                System.err.println("kiln: built " + out + " (" + Files.size(out) / 1024 + " KiB; debug information in "
                        + DebugFiles.debugFileOf(out) + ", " + Files.size(DebugFiles.debugFileOf(out)) / 1024 + " KiB"
                        + (debug ? "; sources in " + DebugFiles.sourceDirOf(out) : "") + ")");
            }
            writeOci(built.image()); // stripped, as deployed; its debug information stays in the build cache
            return 0;
        } catch (NativeBuildException e) { // the input's fault: one line (a TeaVM report adds its call sites), status 125
            System.err.println("kiln: error: " + e.getMessage());
            return ErrorReporter.KILN_ERROR;
        }
    }

    /** The jvm flavor: prints the image's path on stdout; a failure is kiln's own error (status 125). */
    private int buildJvm() {
        if (ip != null) throw new UserError("--ip is for native images; a jvm image gets its address from QEMU");
        if (!files.isEmpty()) throw new UserError("--file is for native images; a jvm image's app reads its jar");
        try {
            Path out = output != null ? output : JvmFlavor.defaultOutput(input, name);
            JvmFlavor.build(new JvmImageBuilder.Request(input, main, name,
                    memoryMb != null ? memoryMb : JvmFlavor.DEFAULT_MEMORY_MB, args, env, new LinkedHashSet<>(modules),
                    jvmOptions, out, trainApp), System.err);
            writeOci(out);
            System.out.println(out);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** --oci-layout and --oci-archive: the image file just built, as an OCI image tagged --tag. */
    private void writeOci(Path image) throws java.io.IOException {
        if (ociLayout == null && ociArchive == null) return;
        if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) throw new UserError("--tag: '" + tag + "' is not a valid tag");
        dev.kiln.oci.image.OciImage oci = OciImages.of(image, ports);
        if (ociLayout != null) {
            dev.kiln.oci.image.OciLayout.writeDirectory(oci, tag, ociLayout);
            System.err.println("kiln: OCI layout " + ociLayout + " (" + tag + ", manifest " + oci.manifest().digest() + ")");
        }
        if (ociArchive != null) {
            dev.kiln.oci.image.OciLayout.writeArchive(oci, tag, ociArchive);
            System.err.println("kiln: OCI archive " + ociArchive + " (" + tag + ", manifest " + oci.manifest().digest() + ")");
        }
    }

    /** Builds (or takes from the build cache) the native image for INPUT and returns its path in the cache. */
    public static Path buildNative(Path input, String mainClass, String name, Integer memoryMb, List<String> extraArgs,
            Map<String, String> extraEnv, String ip) throws Exception {
        return buildNative(input, mainClass, name, memoryMb, extraArgs, extraEnv, ip,
                NativeImageBuilder.Options.DEFAULT).image();
    }

    /** Builds (or takes from the build cache) the native image for INPUT; the result is in the cache. */
    public static NativeImageBuilder.Result buildNative(Path input, String mainClass, String name, Integer memoryMb,
            List<String> extraArgs, Map<String, String> extraEnv, String ip, NativeImageBuilder.Options options)
            throws Exception {
        return buildNative(input, mainClass, name, memoryMb, extraArgs, extraEnv, ip, List.of(), options);
    }

    /** The same with --file SRC:DEST mappings (SRC relative to the current directory). */
    public static NativeImageBuilder.Result buildNative(Path input, String mainClass, String name, Integer memoryMb,
            List<String> extraArgs, Map<String, String> extraEnv, String ip, List<String> fileSpecs,
            NativeImageBuilder.Options options) throws Exception {
        AppInput app = AppInput.resolve(input, mainClass);
        List<FileMapping> mappings = new ArrayList<>();
        for (String spec : fileSpecs) {
            try {
                mappings.add(FileMapping.parse(spec, Path.of("").toAbsolutePath()));
            } catch (NativeBuildException bad) {
                throw new NativeBuildException("--file: " + bad.getMessage());
            }
        }
        app = app.withFiles(mappings);
        Manifest m = app.manifest();
        List<String> a = new ArrayList<>(m.args());
        a.addAll(extraArgs);
        List<String> e = new ArrayList<>(m.env());
        extraEnv.forEach((k, v) -> e.add(k + "=" + v));
        try {
            m = m.with(name != null ? name : m.name(), memoryMb != null ? memoryMb : m.memoryMb(), a, e);
            if (ip != null) m = m.withIp(StaticIp.parse(ip));
            app = app.withManifest(m);
        } catch (IllegalArgumentException bad) { // a flag value the image format cannot hold
            throw new UserError(bad.getMessage());
        }
        if (options.debug() && Files.isDirectory(input.resolve("src")) && Files.isRegularFile(input.resolve(AppInput.PROJECT_FILE))) {
            List<Path> roots = new ArrayList<>(options.sources());
            roots.addFirst(input.resolve("src"));
            options = new NativeImageBuilder.Options(true, roots);
        }
        NativeImageBuilder builder = NativeImageBuilder.fromEnvironment(msg -> System.err.println("kiln: " + msg));
        NativeImageBuilder.Result r = builder.build(app, options);
        if (r.cached()) {
            System.err.println("kiln: image from the build cache (" + r.cacheKey() + ")");
        }
        return r;
    }
}
