package dev.kiln.cli;

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
        description = {"Boot a native image in a new VM and wait for it to end.",
                "The guest's console goes to stdout; its exit status becomes kiln's.",
                "Exit statuses of kiln itself: 124 timeout, 125 kiln error, 134 guest abort,",
                "139 guest crash (report on stderr), 143 stopped, 159 guest broke the hypercall ABI."})
final class RunCommand implements Callable<Integer> {
    /** Large enough for any image of this ABI, small enough that every hypercall block address fits in 32 bits. */
    static final int MAX_MEMORY_MB = 3072;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A native image (static x86-64 ELF).")
    Path image;

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
        VmConfig config = config(GuestImage.load(existingImage(image)));
        try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, config)) {
            VmExit exit = vm.run();
            report(exit);
            return exit.exitStatus();
        }
    }

    VmConfig config(GuestImage guest) {
        long memoryBytes = 0;
        if (memoryMb != null) {
            if (memoryMb < 1 || memoryMb > MAX_MEMORY_MB)
                throw new UserError("--mem must be between 1 and " + MAX_MEMORY_MB + " MiB, not " + memoryMb);
            memoryBytes = memoryMb * 1024L * 1024L;
        }
        Duration timeout = null;
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > 365 * 86400.0)
                throw new UserError("--timeout must be a positive number of seconds, not " + timeoutSeconds);
            timeout = Duration.ofNanos((long) (timeoutSeconds * 1e9));
        }
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
