package dev.kiln.cli.bench;

import dev.kiln.builder.nativeimage.ImageSizeBreakdown;
import dev.kiln.builder.nativeimage.ImageSizeBreakdown.Part;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.cli.BuildCommand;
import dev.kiln.cli.KilnHome;
import dev.kiln.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `kiln bench size`: builds every native example (examples/NAME/kiln.properties; the build
 * cache makes a repeat free) and prints each image's stripped size (the file `kiln build`
 * writes) and its bytes by part ({@link ImageSizeBreakdown}), then
 * each example's size against its target (issue 15's, stripped, KB of 1000 bytes), then
 * {@code size hello=N dns-server=N http-server=N} in bytes. Size targets are checked here, by
 * a benchmark that prints them, not by a test.
 */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = {"Stripped size of every native example and its bytes by part (app, libos, JDK classes, TeaVM's",
                "runtime and call-site tables, Kiln's C runtime, libc, libm). Ends with: size NAME=BYTES ..."})
final class BenchSizeCommand implements Callable<Integer> {
    /** Stripped size targets in KB (1000 bytes); MirageOS's for comparison: DNS 449 KB, web 674 KB. */
    static final Map<String, Integer> TARGET_KB = Map.of("hello", 150, "dns-server", 300, "http-server", 450);

    @Parameters(paramLabel = "PROJECT", arity = "0..*",
            description = "Kiln projects (directories with kiln.properties) to measure instead of the examples.")
    List<Path> projects = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Path> targets = projects.isEmpty() ? examples(KilnHome.root().resolve("examples")) : projects;
        for (Path p : targets) {
            if (!Files.isRegularFile(p.resolve("kiln.properties"))) {
                throw new UserError(p + " is not a Kiln project (no kiln.properties)");
            }
        }
        ImageSizeBreakdown breakdown = ImageSizeBreakdown.forGuest(KilnHome.root().resolve("guest"));
        StringBuilder header = new StringBuilder(String.format("%-14s %9s", "image", "stripped"));
        for (Part part : Part.values()) header.append(String.format(" %9s", shortName(part)));
        System.out.println(header);
        StringBuilder summary = new StringBuilder("size");
        StringBuilder targetLines = new StringBuilder();
        for (Path project : targets) {
            NativeImageBuilder.Result built = BuildCommand.buildNative(project, null, null, null, List.of(), Map.of(),
                    null, NativeImageBuilder.Options.DEFAULT);
            ImageSizeBreakdown.Sizes sizes = breakdown.of(built.image(), built.debugFile());
            String name = project.toAbsolutePath().normalize().getFileName().toString();
            StringBuilder row = new StringBuilder(String.format("%-14s %9d", name, sizes.fileSize()));
            for (Part part : Part.values()) row.append(String.format(" %9d", sizes.of(part)));
            System.out.println(row);
            summary.append(' ').append(name).append('=').append(sizes.fileSize());
            Integer target = TARGET_KB.get(name);
            if (target != null) {
                long kb = (sizes.fileSize() + 999) / 1000;
                targetLines.append(String.format("target %s: %d KB stripped, at most %d KB: %s%n", name, kb, target,
                        kb <= target ? "met" : "over by " + (kb - target) + " KB"));
            }
        }
        System.out.println();
        for (Part part : Part.values()) System.out.printf("  %-9s %s%n", shortName(part), part.description);
        System.out.print(targetLines);
        System.out.println(summary);
        return 0;
    }

    private static String shortName(Part part) {
        return part.key.length() > 9 ? part.key.substring(0, 9) : part.key;
    }

    /** The top-level examples that are native projects, by name. */
    static List<Path> examples(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("kiln.properties"))).sorted().toList();
        }
    }
}
