package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.fuzz.BuildFuzzer;
import dev.kiln.fuzz.BuildInputs;
import dev.kiln.fuzz.ImageFuzzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Bounded runs of the fuzzers whose targets live in the CLI: kiln build on a broken input of
 * every kind, and mutated images through kiln inspect's code path; and the kiln fuzz command
 * line itself. Each run has a fresh seed, printed with any failure so that it replays.
 */
class FuzzCommandsTest {
    /** kiln, as the launcher runs it, in a new JVM with this test's class path. */
    private static List<String> kiln() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dkiln.home=" + System.getProperty("kiln.home"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        return command;
    }

    @Test
    void everyKindOfBrokenBuildInputGetsOneClearLineAndStatus125() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        BuildFuzzer.Result r = BuildFuzzer.run(new BuildFuzzer.Options(kiln(), BuildInputs.KINDS.size(), seed, 600),
                line -> System.out.println("[fuzz] " + line));
        System.out.println("[fuzz] " + r.figures());
        assertEquals(r.inputs(), r.clearErrors(), "seed " + seed + "\n" + String.join("\n", r.failures()));
    }

    @Test
    void mutatedImagesThroughKilnInspectAreRefusedWithOneClearLine() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        List<Path> seeds = new ArrayList<>();
        for (String g : FuzzImagesCommand.GUESTS) seeds.add(KilnProcess.guest("tests/" + g + ".elf"));
        ImageFuzzer.Result r = ImageFuzzer.run(new ImageFuzzer.Options(seeds, 3000, seed, FuzzImagesCommand.inspect(),
                null, null, 1), line -> System.out.println("[fuzz] " + line));
        System.out.println("[fuzz] " + r.figures());
        String context = "seed " + seed + "\n" + String.join("\n", r.failures());
        assertEquals(0, r.escaped(), context);
        assertEquals(0, r.oom(), context);
        assertEquals(0, r.unclear(), context);
        assertEquals(0, r.inspectLenient(), "inspect accepted images run refuses: " + context);
    }

    @Test
    void theHypercallsCommandEndsWithItsFiguresLine() throws Exception {
        KilnProcess r = KilnProcess.run("fuzz", "hypercalls", "--calls", "5000", "--seed", "9");
        String figures = r.stdout().strip();
        // The leak figures of so short a run are HypercallFuzzerTest's business; here: the command's answer.
        assertTrue(figures.startsWith("fuzz hypercalls calls=") && figures.contains(" monitor_crashes=0 ")
                && figures.contains(" fds_before=") && figures.lines().count() == 1, r.toString());
        assertTrue(r.exitStatus() == 0 || figures.endsWith(" leak=SUSPECTED"), "exit 0, or 1 for the leak figures: " + r);
    }
}
