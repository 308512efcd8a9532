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
import java.util.Map;

/**
 * What `kiln profile` and `kiln bench http --profile` leave behind: DIR/profile.folded and
 * DIR/profile.svg, and on stderr the cost of sampling and the hottest functions.
 */
final class ProfileOutput {
    static final int TOP = 15;

    private ProfileOutput() {}

    static void write(GuestImage guest, Profile profile, Path dir) throws IOException {
        StackSymbolizer symbols = new StackSymbolizer(guest, profile);
        Map<String, Long> folded = symbols.fold(profile.samples());
        Files.createDirectories(dir);
        Path text = dir.resolve("profile.folded"), svg = dir.resolve("profile.svg");
        Files.writeString(text, FoldedStacks.format(folded));
        Files.writeString(svg, FlameGraphSvg.render(folded, "kiln profile: " + guest.name() + " ("
                + profile.samples().size() + " samples at " + profile.cost().rateHz() + " Hz)"));
        System.err.println("kiln: profile: " + profile.cost().format());
        if (!profile.javaStacks()) System.err.println("kiln: profile: the image has no Java debug descriptor: RIPs only");
        if (guest.debugFile().isEmpty() && guest.symbols().isEmpty()) {
            System.err.println("kiln: profile: no symbols (" + guest.debugFileProblem().orElse("no debug file") + "): frames are [unknown]");
        }
        if (!folded.isEmpty()) {
            System.err.print("kiln: profile: hottest functions (self):\n" + HotFrames.format(HotFrames.self(folded, TOP)));
        }
        System.err.println("kiln: profile: wrote " + text + " and " + svg);
    }

}
