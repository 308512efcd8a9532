package dev.kiln.cli;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.profile.FlameGraphSvg;
import dev.kiln.vmm.profile.FoldedStacks;
import dev.kiln.vmm.profile.HotFrames;
import dev.kiln.vmm.profile.Profile;
import dev.kiln.vmm.profile.StackSymbolizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What `kiln profile` and `kiln bench http --profile` leave behind: DIR/profile.folded and
 * DIR/profile.svg, and on stderr the cost of sampling and the hottest functions.
 */
public final class ProfileOutput {
    static final int TOP = 15;

    private ProfileOutput() {}

    public static void write(GuestImage guest, Profile profile, Path dir) throws IOException {
        Map<String, Long> folded = new StackSymbolizer(guest, profile).fold(profile.samples());
        List<String> notes = new ArrayList<>();
        if (!profile.javaStacks()) notes.add("the image has no Java debug descriptor: RIPs only");
        if (guest.debugFile().isEmpty() && guest.symbols().isEmpty()) {
            notes.add("no symbols (" + guest.debugFileProblem().orElse("no debug file") + "): frames are [unknown]");
        }
        write(folded, guest.name(), profile.samples().size(), profile.cost().format(), notes, dir);
    }

    /** Writes the folded stacks and their flame graph into dir, and tells the user what they show. */
    static void write(Map<String, Long> folded, String name, long samples, String cost, List<String> notes, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Path text = dir.resolve("profile.folded"), svg = dir.resolve("profile.svg");
        Files.writeString(text, FoldedStacks.format(folded));
        Files.writeString(svg, FlameGraphSvg.render(folded, "kiln profile: " + name + " (" + samples + " samples)"));
        System.err.println("kiln: profile: " + cost);
        for (String n : notes) System.err.println("kiln: profile: " + n);
        if (!folded.isEmpty()) {
            System.err.print("kiln: profile: hottest functions (self):\n" + HotFrames.format(HotFrames.self(folded, TOP)));
        }
        System.err.println("kiln: profile: wrote " + text + " and " + svg);
    }
}
