package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The images the network tests boot, built once per test run with `kiln build`, and the checks
 * that the features those tests need exist; each missing piece fails with its name.
 */
final class ServiceImages {
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static String netFlagsMissing;
    private static boolean netFlagsChecked;

    private ServiceImages() {}

    /** Builds a project directory (relative to the checkout) into an image, once. */
    static synchronized Path image(String project) throws Exception {
        Path cached = BUILT.get(project);
        if (cached != null) {
            return cached;
        }
        Path dir = Path.of(System.getProperty("kiln.home")).resolve(project);
        Path out = Files.createTempDirectory("kiln-svc-img").resolve(dir.getFileName() + ".elf");
        out.getParent().toFile().deleteOnExit();
        KilnProcess r = KilnProcess.run("build", dir.toString(), "-o", out.toString());
        if (r.exitStatus() != 0) {
            String err = r.stderr();
            if (err.contains("java.net.")) {
                throw new AssertionError("missing: java.net sockets in native images (issue 4 item 3, the `sockets`"
                        + " branch): `kiln build " + project + "` says:\n" + err);
            }
            throw new AssertionError("kiln build " + project + " failed:\n" + r);
        }
        out.toFile().deleteOnExit();
        out.resolveSibling(out.getFileName() + ".debug").toFile().deleteOnExit(); // kiln build writes it beside the image
        BUILT.put(project, out);
        return out;
    }

    /** Fails unless `kiln run` has --net and --ip (issue 4 item 4, the `netdev` branch). */
    static synchronized void requireNetFlags() throws Exception {
        if (!netFlagsChecked) {
            KilnProcess help = KilnProcess.run("run", "--help");
            String text = help.stdout() + help.stderr();
            if (!text.contains("--net") || !text.contains("--ip")) {
                netFlagsMissing = "missing: `kiln run --net tap=NAME` and `--ip CIDR` for native images (issue 4 item 4,"
                        + " the `netdev` branch); kiln run --help shows:\n" + text;
            }
            netFlagsChecked = true;
        }
        if (netFlagsMissing != null) {
            throw new AssertionError(netFlagsMissing);
        }
    }

    /** The command line of kiln (this build's classes, a new JVM), as the launcher starts it. */
    static List<String> kiln(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Path peerScript(String name) {
        Path p = Path.of(System.getProperty("kiln.home")).resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("test helper missing: " + p);
        }
        return p;
    }

    static long sizeKb(Path image) throws IOException {
        return (Files.size(image) + 1023) / 1024;
    }
}
