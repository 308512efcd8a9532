package dev.kiln.cli;

import dev.kiln.fuzz.ImageFuzzer;
import dev.kiln.vmm.Kvm;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln fuzz images`: mutants of real images (the built examples and the C test guests) through
 * the loader, the manifest parser and `kiln inspect`'s code path; the accepted ones booted.
 * Exit status 0 when every mutant was accepted or refused with one clear line, else 1.
 */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Mutated images through the loader, the manifest parser, kiln inspect and a boot.",
                "Mutates the examples hello, http-server, dns-server and the C test guests; each mutant must be accepted or refused with one clear line; the ones that load are booted."})
final class FuzzImagesCommand implements Callable<Integer> {
    /** The C test guests used as seeds: a manifest, TLS, boot info, exit codes. */
    static final List<String> GUESTS = List.of("hello", "manifest", "bootinfo", "exit42", "nullderef", "sleep");
    static final List<String> EXAMPLES = List.of("hello", "http-server", "dns-server");

    @Option(names = "--count", paramLabel = "N", description = "Mutants to make (default: ${DEFAULT-VALUE}).")
    long count = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
    Long seed;

    @Option(names = "--no-examples", description = "Only the C test guests as seeds (no native build of the examples).")
    boolean noExamples;

    @Option(names = "--no-boot", description = "Do not boot the mutants that load.")
    boolean noBoot;

    @Option(names = "--boot-timeout", paramLabel = "MS", description = "Each boot's limit in ms (default: ${DEFAULT-VALUE}).")
    int bootTimeoutMs = 1000;

    @Option(names = "--replay", paramLabel = "I", description = "Check only mutant I of the run with --seed S, and save it as mutant-I.kiln.")
    Long replay;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || bootTimeoutMs < 1) throw new UserError("--count and --boot-timeout must be at least 1");
        if (replay != null && seed == null) throw new UserError("--replay needs the --seed of the run it comes from");
        List<Path> seeds = seedImages(!noExamples);
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        Kvm kvm = noBoot ? null : Kvm.open();
        if (replay != null) {
            List<byte[]> images = new ArrayList<>();
            for (Path p : seeds) images.add(Files.readAllBytes(p));
            var m = ImageFuzzer.mutant(images, s, replay);
            Path out = Path.of("mutant-" + replay + ".kiln");
            Files.write(out, m.bytes());
            System.err.println("kiln: mutant " + replay + " of seed " + s + " (" + m.description() + ") saved as " + out
                    + "; try kiln inspect " + out + " and kiln run " + out);
            return 0;
        }
        ImageFuzzer.Result r = ImageFuzzer.run(new ImageFuzzer.Options(seeds, count, s, inspect(), kvm,
                Duration.ofMillis(bootTimeoutMs), 2), line -> System.err.println("kiln: " + line));
        System.out.println(r.figures());
        if (r.failed()) System.err.println("kiln: fuzz images: FAILED (seed " + s + "); the lines above say which mutant");
        return r.failed() ? 1 : 0;
    }

    /** The seeds: the examples built as a user would build them (from the build cache after the first time), the C guests. */
    static List<Path> seedImages(boolean examples) throws Exception {
        List<Path> seeds = new ArrayList<>();
        if (examples) {
            for (String e : EXAMPLES) {
                Path dir = KilnHome.root().resolve("examples").resolve(e);
                System.err.println("kiln: fuzz images: building " + dir + " for a seed image");
                seeds.add(BuildCommand.buildNative(dir, null, null, null, List.of(), Map.of(), null));
            }
        }
        for (String g : GUESTS) seeds.add(KilnHome.guest("tests/" + g + ".elf"));
        return seeds;
    }

    /** kiln inspect's code path, its output thrown away; refusals are what ErrorReporter prints as one line. */
    static ImageFuzzer.Inspect inspect() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new ImageFuzzer.Inspect() {
            @Override
            public void inspect(Path image) throws Exception {
                InspectCommand.inspect(image, nowhere, false);
            }

            @Override
            public boolean isClearRefusal(Throwable t) {
                return t instanceof UserError || (t instanceof Exception e && ErrorReporter.isExpected(e));
            }
        };
    }
}
