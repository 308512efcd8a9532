package dev.kiln.cli;

import dev.kiln.cli.jvm.JvmRun;
import dev.kiln.vmm.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln run IMAGE`: boots the image in a new VM in this process, streams its
 * console to stdout and exits with the guest's status. Everything kiln itself
 * has to say goes to stderr, so stdout is the guest's alone.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Boot an image in a new VM and wait for it to end. The flavor comes from the image:",
                "a native image (ELF) boots on Kiln's own VMM on /dev/kvm, a jvm image (KILNJVM1) on QEMU.",
                "The guest's console goes to stdout; its exit status becomes kiln's.",
                "Exit statuses of kiln itself: 124 timeout, 125 kiln error, 134 guest abort,",
                "139 guest crash (report on stderr), 143 stopped, 159 guest broke the hypercall ABI."})
final class RunCommand implements Callable<Integer> {
    /** Large enough for any image of this ABI, small enough that every hypercall block address fits in 32 bits. */
    static final int MAX_MEMORY_MB = 3072;

    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "A native image (static x86-64 ELF), a jvm image, a project or classes directory or a jar"
                    + " (built into a native image first; with --flavor jvm a jar becomes a jvm image).")
    Path image;

    @Option(names = "--flavor", paramLabel = "FLAVOR",
            description = "For a jar INPUT: jvm builds a throwaway jvm image first. Images carry their own flavor.")
    String flavor;

    @Option(names = {"-p", "--publish"}, paramLabel = "HOSTPORT:GUESTPORT",
            description = "jvm flavor: publish a guest TCP port on 127.0.0.1:HOSTPORT (repeatable).")
    List<String> publish = new ArrayList<>();

    @Option(names = "--accel", paramLabel = "auto|kvm|tcg", defaultValue = "auto",
            description = "jvm flavor: QEMU accelerator; auto uses KVM only where guest kernel code runs fast.")
    String accel;

    @Option(names = "--kernel-log", description = "jvm flavor: show the guest kernel's boot messages.")
    boolean kernelLog;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "Arguments for the guest's main, after `--`; appended to the manifest's.")
    List<String> args = new ArrayList<>();

    @Option(names = "--mem", paramLabel = "MB",
            description = "Guest memory in MiB (default: the image manifest's memory_mb, else 64).")
    Integer memoryMb;

    @Option(names = "--timeout", paramLabel = "S",
            description = "Stop the VM after S seconds (decimals allowed); kiln then exits 124.")
    Double timeoutSeconds;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "Set an environment variable in the guest (repeatable); overrides the manifest's.")
    List<String> env = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // kiln run INPUT: a project directory, a classes directory or (without --flavor jvm) a jar is
        // built into a native image first; the build cache makes the second run start at once.
        if (Files.isDirectory(image) || (!"jvm".equals(flavor) && image.toString().endsWith(".jar")
                && Files.isRegularFile(image))) {
            try {
                image = BuildCommand.buildNative(image, null, null, null, List.of(), java.util.Map.of());
            } catch (dev.kiln.builder.nativeimage.NativeBuildException e) {
                throw new UserError("build failed: " + e.getMessage());
            }
        }
        existingImage(image);
        if (flavor != null && !flavor.equals("jvm") && !flavor.equals("native"))
            throw new UserError("--flavor must be native or jvm, not '" + flavor + "'");
        if (JvmRun.isJvmImage(image)) return runJvm(false);
        if ("jvm".equals(flavor)) {
            if (!JvmRun.isJar(image)) throw new UserError("--flavor jvm runs a jar or a jvm image; " + image + " is neither");
            return runJvm(true);
        }
        if (!publish.isEmpty())
            throw new UserError("-p needs a network device, which native images do not have yet; "
                    + "use a jvm image (kiln build --flavor jvm) to publish ports");
        VmConfig config = config(GuestImage.load(image));
        try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, config)) {
            VmExit exit = vm.run();
            report(exit);
            return exit.exitStatus();
        }
    }

    /** A jvm image (or a jar built into one) on QEMU; what the image bakes in cannot be changed here. */
    private int runJvm(boolean buildFirst) {
        if (memoryMb != null || !env.isEmpty() || !args.isEmpty())
            throw new UserError("--mem, --env and ARGS are baked into a jvm image: "
                    + "pass them to kiln build --flavor jvm (--memory, --env, --arg)");
        var acceleration = JvmRun.accel(accel);
        Duration timeout = timeout();
        return buildFirst ? JvmRun.buildAndRun(image, publish, timeout, acceleration, kernelLog)
                : JvmRun.run(image, publish, timeout, acceleration, kernelLog);
    }

    private Duration timeout() {
        if (timeoutSeconds == null) return null;
        if (!(timeoutSeconds > 0) || timeoutSeconds > 365 * 86400.0)
            throw new UserError("--timeout must be a positive number of seconds, not " + timeoutSeconds);
        return Duration.ofNanos((long) (timeoutSeconds * 1e9));
    }

    VmConfig config(GuestImage guest) {
        long memoryBytes = 0;
        if (memoryMb != null) {
            if (memoryMb < 1 || memoryMb > MAX_MEMORY_MB)
                throw new UserError("--mem must be between 1 and " + MAX_MEMORY_MB + " MiB, not " + memoryMb);
            memoryBytes = memoryMb * 1024L * 1024L;
        }
        Duration timeout = timeout();
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) throw new UserError("--env needs KEY=VALUE, not '" + entry + "'");
        }
        // Unbuffered: each console hypercall becomes one write, so output streams as the guest runs.
        var console = new FileOutputStream(FileDescriptor.out);
        return new VmConfig(guest, memoryBytes, timeout, List.copyOf(args), List.copyOf(env), console);
    }

    static Path existingImage(Path image) {
        if (!Files.exists(image)) throw new UserError("no such image: " + image);
        if (!Files.isRegularFile(image)) throw new UserError("not an image file: " + image);
        return image;
    }

    /** Anything but a plain exit deserves a word on stderr; a crash gets the whole report. */
    static void report(VmExit exit) {
        switch (exit) {
            case VmExit.Exited e -> {}
            case VmExit.Crashed c -> System.err.print("kiln: " + c.report().format());
            default -> System.err.println("kiln: " + exit.describe());
        }
    }
}
