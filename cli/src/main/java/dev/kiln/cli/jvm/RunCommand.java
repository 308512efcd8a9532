package dev.kiln.cli.jvm;

import dev.kiln.runner.qemu.QemuRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `kiln run IMAGE`: tells the flavor from the image's first bytes. This branch runs jvm images. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Boot an image; its console streams here and the app's exit status becomes kiln's.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "An image; with the jvm flavor also an executable jar, built on the fly.")
    Path image;

    @Option(names = {"-p", "--publish"}, paramLabel = "HOSTPORT:GUESTPORT",
            description = "Publish a guest TCP port on 127.0.0.1:HOSTPORT (repeatable).")
    List<String> publish = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop the VM after this many seconds (status 124).")
    Long timeoutSeconds;

    @Option(names = "--accel", defaultValue = "auto", description = "jvm flavor: auto (KVM if it runs guest kernel code fast, else TCG), kvm or tcg.")
    String accel;

    @Option(names = "--kernel-log", description = "jvm flavor: show the guest kernel's boot messages.")
    boolean kernelLog;

    @Option(names = "--flavor", description = "Ignored: the flavor comes from the image (accepted for symmetry with build).")
    String flavor;

    @Override
    public Integer call() {
        return JvmRun.runFromCli(image, publish, timeoutSeconds, accel, kernelLog);
    }
}
