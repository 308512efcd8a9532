package dev.kiln.cli;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln fuzz frames`: the network's trust boundary under fire. examples/http-server boots as a
 * VM and takes N hostile, malformed or odd Ethernet frames (see {@link FrameFuzzer}); then it
 * must still serve a page and hold no connection the fuzzing opened. Prints progress on stderr
 * and ends with one line,
 * {@code fuzz frames sent=N delivered=N ... serving=true leaked_connections=0};
 * the exit status is 0 only if the VM still runs, serves, and leaked nothing.
 */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = "Fuzz a booted image's network with malformed frames, then check it still serves and leaks nothing.")
public final class FuzzFramesCommand implements Callable<Integer> {
    @Option(names = "--frames", description = "frames to send (default: ${DEFAULT-VALUE})")
    long frames = 1_000_000;

    @Option(names = "--seed", description = "the generator's seed: the same seed sends the same frames (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Override
    public Integer call() throws Exception {
        if (frames < 1) {
            throw new UserError("--frames must be at least 1, not " + frames);
        }
        List<String> missing = Checks.missingCommands("curl", "ip");
        if (!missing.isEmpty()) {
            throw new UserError("kiln fuzz frames needs " + String.join(", ", missing) + " (Debian packages: curl, iproute2)");
        }
        if (!NetworkNamespace.isRoot()) {
            throw new UserError("kiln fuzz frames must run as root: it creates a network namespace, a bridge and two taps");
        }
        Path example = KilnHome.root().resolve("examples/http-server");
        Path image;
        try {
            image = NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m))
                    .build(AppInput.resolve(example, null)).image();
        } catch (NativeBuildException e) {
            throw new UserError("cannot build " + example + " into an image: " + e.getMessage());
        }
        System.err.println("kiln: fuzzing " + image.getFileName() + " with " + frames + " frames (seed " + seed + ")");
        FrameFuzzRun.Result r = FrameFuzzRun.run(image, frames, seed, m -> System.err.println("kiln: " + m));
        System.out.println("the image's /api/stats afterwards: " + (r.stats().isEmpty() ? "(no answer)" : r.stats()));
        System.out.println(r.line());
        return r.passed() ? 0 : 1;
    }
}
