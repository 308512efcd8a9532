package dev.kiln.cli;

import dev.kiln.vmm.profile.FoldedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kiln profile` against a real VM: an image that spins in a method with a distinctive name
 * (cli/src/test/resources/profile/spin) is profiled; the heaviest folded stack ends in that
 * method below its Java callers, the flame graph parses as XML and names it, and the cost is
 * printed. No rate, duration or sample count is asserted: only where the samples say the time went.
 */
class ProfileCommandTest {
    private static final String HOT = "spin.Spinner$HotLoop.burnCyclesInProfilerTarget";
    @TempDir Path dir;

    @Test
    void theHeaviestStackOfASpinningImageEndsInItsHotMethod() throws Exception {
        Path project = Path.of(System.getProperty("kiln.home")).resolve("cli/src/test/resources/profile/spin");
        Path image = dir.resolve("spin.kiln");
        KilnProcess b = KilnProcess.run("build", project.toString(), "-o", image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        Path out = dir.resolve("prof");
        KilnProcess p = KilnProcess.run("profile", image.toString(), "--seconds", "3", "--rate", "199", "-o", out.toString());
        assertEquals(0, p.exitStatus(), p.toString());
        System.out.println("[profile] " + p.stderr());
        assertTrue(p.stdout().contains("spinning"), "the guest's console goes to stdout:\n" + p);
        assertTrue(p.stderr().matches("(?s).*kiln: profile: \\d+ samples in .* \\d+ exits caused by \\d+ kicks; .* in the sampler.*"),
                "the cost is printed:\n" + p);

        Map<String, Long> folded = FoldedStacks.parse(Files.readString(out.resolve("profile.folded")));
        Map.Entry<String, Long> heaviest = folded.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
                .orElseThrow(() -> new AssertionError("no samples:\n" + p));
        var frames = FoldedStacks.frames(heaviest.getKey());
        assertEquals(HOT, frames.get(frames.size() - 1), "the leaf of the heaviest stack: " + heaviest);
        assertTrue(frames.stream().anyMatch(f -> f.startsWith("spin.Spinner.main(Spinner.java:")),
                "its Java caller, with file and line, from the shadow stack: " + heaviest);
        long total = folded.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(heaviest.getValue() * 2 > total, "a spinning image spends most samples spinning: " + folded);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = f.newDocumentBuilder().parse(out.resolve("profile.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        NodeList titles = svg.getElementsByTagName("title");
        boolean named = false;
        for (int i = 0; i < titles.getLength(); i++) named |= titles.item(i).getTextContent().startsWith(HOT + " (");
        assertTrue(named, "the flame graph names " + HOT);
    }

    /** kiln profile NAME: the daemon samples its VM, which runs on; a second profile after the first; none once it stopped. */
    @Test
    void aVmTheDaemonRunsIsProfiledThroughTheApiAndRunsOn() throws Exception {
        Path project = Path.of(System.getProperty("kiln.home")).resolve("cli/src/test/resources/profile/spin");
        Path image = dir.resolve("spin.kiln");
        KilnProcess b = KilnProcess.run("build", project.toString(), "-o", image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        try (DaemonProcess d = new DaemonProcess().start()) {
            KilnProcess run = d.kiln("run", "-d", "--name", "spin", image.toString());
            assertEquals(0, run.exitStatus(), run.toString());
            d.awaitOutput("spinning", "logs", "-f", "spin");
            for (String round : new String[] {"first", "second"}) {
                Path out = dir.resolve(round);
                KilnProcess p = d.kiln("profile", "spin", "--seconds", "2", "-o", out.toString());
                System.out.println("[profile NAME] " + p.stderr());
                assertEquals(0, p.exitStatus(), p.toString());
                assertTrue(p.stderr().contains(" exits caused by "), "the cost is printed:\n" + p);
                Map<String, Long> folded = FoldedStacks.parse(Files.readString(out.resolve("profile.folded")));
                Map.Entry<String, Long> heaviest = folded.entrySet().stream()
                        .max(Comparator.comparingLong(Map.Entry::getValue)).orElseThrow(() -> new AssertionError("no samples:\n" + p));
                var frames = FoldedStacks.frames(heaviest.getKey());
                assertEquals(HOT, frames.get(frames.size() - 1), round + " profile's heaviest stack: " + heaviest);
                assertTrue(Files.readString(out.resolve("profile.svg")).contains(HOT), "the flame graph names " + HOT);
            }
            KilnProcess ps = d.kiln("ps");
            assertTrue(ps.stdout().lines().anyMatch(l -> l.contains("spin") && l.contains(" Up ")), "the VM runs on:\n" + ps);
            KilnProcess stop = d.kiln("stop", "-t", "0", "spin");
            assertEquals(0, stop.exitStatus(), stop.toString());
            KilnProcess again = d.kiln("profile", "spin", "--seconds", "1", "-o", dir.resolve("third").toString());
            assertEquals(1, again.exitStatus(), again.toString());
            assertEquals("kiln: error: VM spin is not running\n", again.stderr().lines()
                    .filter(l -> l.startsWith("kiln: error:")).findFirst().orElse("") + "\n", again.toString());
        }
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Path image = dir.resolve("none.kiln");
        KilnProcess p = KilnProcess.run("profile", image.toString());
        assertEquals(125, p.exitStatus(), p.toString());
        assertEquals("kiln: error: no such image: " + image + "\n", p.stderr());
        Files.writeString(image, "not an image");
        p = KilnProcess.run("profile", "--rate", "0", image.toString());
        assertEquals("kiln: error: --rate must be 1 to 10000 Hz, not 0\n", p.stderr(), p.toString());
        p = KilnProcess.run("profile", "--seconds", "-1", image.toString());
        assertEquals("kiln: error: --seconds must be more than 0 and at most 86400, not -1.0\n", p.stderr(), p.toString());
    }
}
