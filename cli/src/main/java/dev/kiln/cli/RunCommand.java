package dev.kiln.cli;

import dev.kiln.image.GuestImage;
import dev.kiln.jvm.JvmFlavor;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.sandbox.Sandbox;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
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
            description = {"Publish a guest TCP port on 127.0.0.1:HOSTPORT (repeatable). Native images: the VM gets",
                    "a net device in a network namespace of its own (needs root); the guest is 10.0.0.2/24 unless",
                    "--ip or the manifest says otherwise."})
    List<String> publish = new ArrayList<>();

    @Option(names = "--net", paramLabel = "tap=NAME[,mac=MAC][,mtu=N]",
            description = {"Native images: give the VM a net device on the tap NAME in kiln's current network",
                    "namespace (needs root). mac and mtu (default: a random 02:4b:49:xx:xx:xx, 1500) also apply with -p."})
    String net;

    @Option(names = "--ip", paramLabel = "CIDR[,GATEWAY]",
            description = "Native images: the guest's static address, e.g. 10.0.0.2/24,10.0.0.1 (default: the"
                    + " manifest's ip, else 10.0.0.2/24 with -p, else DHCP).")
    String ip;

    @Option(names = "--stats", description = "Native images: print the VM's counters (exits, hypercalls, frames) on stderr at the end.")
    boolean stats;

    @Option(names = "--seccomp", paramLabel = "on|log|off",
            description = {"Native images: the monitor threads' seccomp filters (docs/security.md). on (default): a",
                    "forbidden system call kills kiln (SIGSYS); log: it runs and the kernel logs it (dmesg); off: none."})
    String seccomp;

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
                image = BuildCommand.buildNative(image, null, null, null, List.of(), java.util.Map.of(), null);
            } catch (dev.kiln.builder.nativeimage.NativeBuildException e) {
                throw new UserError("build failed: " + e.getMessage());
            }
        }
        existingImage(image);
        if (flavor != null && !flavor.equals("jvm") && !flavor.equals("native"))
            throw new UserError("--flavor must be native or jvm, not '" + flavor + "'");
        if (JvmFlavor.isImage(image)) return runJvm(false);
        if ("jvm".equals(flavor)) {
            if (!JvmFlavor.isJar(image)) throw new UserError("--flavor jvm runs a jar or a jvm image; " + image + " is neither");
            return runJvm(true);
        }
        if (seccomp != null) {
            try {
                Sandbox.setMode(Sandbox.Mode.parse(seccomp));
            } catch (IllegalArgumentException e) {
                throw new UserError("--seccomp: " + e.getMessage());
            }
        }
        GuestImage guest = GuestImage.load(image);
        VmConfig config = config(guest);
        VmNetwork network = VmNetwork.open(publish, net, ip, guest.manifest());
        // Closed in this order: the network after the VM ended, then the guard (so that a
        // signal's hook waits for all of it).
        try (ShutdownGuard guard = new ShutdownGuard(network); VmNetwork n = network) {
            if (network != null) {
                config = config.withNet(network.config);
                System.err.println("kiln: network: " + network.summary);
            }
            try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, config)) {
                guard.watch(vm);
                VmExit exit = vm.run();
                report(exit);
                if (stats) System.err.print("kiln: stats: " + vm.stats().format());
                return exit.exitStatus();
            }
        }
    }

    /** A jvm image (or a jar built into one) on QEMU; what the image bakes in cannot be changed here. */
    private int runJvm(boolean buildFirst) {
        if (memoryMb != null || !env.isEmpty() || !args.isEmpty())
            throw new UserError("--mem, --env and ARGS are baked into a jvm image: "
                    + "pass them to kiln build --flavor jvm (--memory, --env, --arg)");
        if (net != null || ip != null || stats || seccomp != null)
            throw new UserError("--net, --ip, --stats and --seccomp are for native images; a jvm image publishes ports with -p");
        Duration timeout = timeout();
        try {
            var acceleration = JvmFlavor.accel(accel);
            return buildFirst ? JvmFlavor.buildAndRun(image, publish, timeout, acceleration, kernelLog)
                    : JvmFlavor.run(image, publish, timeout, acceleration, kernelLog);
        } catch (IOException | IllegalArgumentException e) { // kiln's own: bad image or -p, QEMU missing
            throw new UserError(e.getMessage());
        }
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
