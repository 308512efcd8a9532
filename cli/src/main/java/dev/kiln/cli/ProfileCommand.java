package dev.kiln.cli;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.profile.FoldedStacks;
import dev.kiln.vmm.profile.Profile;
import dev.kiln.vmm.profile.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * `kiln profile IMAGE`: boots a native image as `kiln run` does, samples it for a while (its RIP
 * and Java stack, each sample an exit), stops it, and writes the profile as folded stacks and a
 * flame graph. What sampling cost is printed at the end.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Boot a native image, sample where it spends its time (the guest's RIP and TeaVM's shadow",
                "stack, symbolized to Java class, method and line), stop it, and write DIR/profile.folded (Brendan",
                "Gregg's folded stacks) and DIR/profile.svg (a flame graph). Each sample of a running guest costs",
                "one exit; the cost is printed at the end. The guest's console goes to stdout, kiln's to stderr."})
public final class ProfileCommand implements java.util.concurrent.Callable<Integer> {
    public static final int DEFAULT_RATE_HZ = 199;
    static final double DEFAULT_SECONDS = 10;

    @Parameters(index = "0", paramLabel = "IMAGE|VM", description = {"A native image (its debug file beside it names the C",
            "functions), or a VM the daemon runs (a path to an existing file is an image)."})
    String target;

    private Path image;

    @picocli.CommandLine.Mixin dev.kiln.cli.engine.DaemonOptions daemon;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest's main.")
    List<String> args = new ArrayList<>();

    @Option(names = "--seconds", paramLabel = "S", description = "How long to sample (default 10); the VM is stopped then.")
    Double seconds;

    @Option(names = "--rate", paramLabel = "HZ", description = "Samples a second, 1 to 10000 (default 199).")
    Integer rate;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the profile goes (default: NAME.profile).")
    Path output;

    @Option(names = {"-p", "--publish"}, paramLabel = "HOSTPORT:GUESTPORT",
            description = "Publish a guest TCP port on 127.0.0.1:HOSTPORT (repeatable), as for kiln run.")
    List<String> publish = new ArrayList<>();

    @Option(names = "--net", paramLabel = "tap=NAME|passt[,mac=MAC][,mtu=N]", description = "A net device, as for kiln run.")
    String net;

    @Option(names = "--ip", paramLabel = "CIDR[,GATEWAY]", description = "The guest's address, as for kiln run.")
    String ip;

    @Option(names = "--mem", paramLabel = "MB", description = "Guest memory in MiB (default: the image's).")
    Long memoryMb;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "An environment variable for the guest (repeatable).")
    List<String> env = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        double s = seconds == null ? DEFAULT_SECONDS : seconds;
        if (!(s > 0) || s > 86400) throw new UserError("--seconds must be more than 0 and at most 86400, not " + s);
        int hz = rate == null ? DEFAULT_RATE_HZ : rate;
        if (hz < 1 || hz > Sampler.MAX_RATE_HZ) throw new UserError("--rate must be 1 to " + Sampler.MAX_RATE_HZ + " Hz, not " + hz);
        if (!Files.exists(Path.of(target)) && !target.contains("/")) return daemonVm(s, hz); // a VM's name never has a slash
        if (daemon.hostGiven()) throw new UserError("--host is for a VM in the daemon, not an image");
        image = RunCommand.existingImage(Path.of(target));
        GuestImage guest = GuestImage.load(image);
        Path dir = output != null ? output : Path.of(guest.name() + ".profile");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("-o " + dir + ": not a directory");
        VmConfig config = config(guest);
        VmNetwork network = VmNetwork.open(publish, net, ip, guest.manifest());
        try (ShutdownGuard guard = new ShutdownGuard(network, Duration.ofSeconds(10)); VmNetwork n = network) {
            if (network != null) {
                config = config.withNet(network.config);
                System.err.println("kiln: network: " + network.summary);
            }
            try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, config)) {
                guard.watch(vm);
                CompletableFuture<VmExit> end = vm.start();
                vm.startProfiling(hz); // after the start, so that the vCPU thread's CPU time is measured from here
                System.err.printf("kiln: profile: sampling %s at %d Hz for %s s%n", guest.name(), hz, seconds(s));
                VmExit exit = awaitEnd(end, (long) (s * 1e9));
                Profile profile = vm.stopProfiling();
                if (exit == null) {
                    vm.stopGracefully(Duration.ofSeconds(10));
                    exit = end.get();
                    String stopped = guard.outcome();
                    System.err.println("kiln: profile: " + (stopped != null ? stopped : "the VM was stopped after " + seconds(s) + " s"));
                } else {
                    String stopped = guard.outcome();
                    if (stopped != null) System.err.println("kiln: " + stopped);
                    else RunCommand.report(exit);
                }
                ProfileOutput.write(guest, profile, dir);
                return 0;
            }
        }
    }

    /** kiln profile NAME: the daemon samples its VM (which runs on) and sends the folded stacks back. */
    private int daemonVm(double s, int hz) throws IOException {
        if (!publish.isEmpty() || net != null || ip != null || memoryMb != null || !env.isEmpty() || !args.isEmpty()) {
            throw new UserError("-p, --net, --ip, --mem, --env and ARGS are for an image; a VM in the daemon runs as it was created");
        }
        if (s != Math.rint(s) || s > 3600) throw new UserError("--seconds for a VM in the daemon: a whole number from 1 to 3600, not " + s);
        try (dev.kiln.engine.client.KilnClient client = daemon.client()) {
            System.err.printf("kiln: profile: sampling VM %s at %d Hz for %d s%n", target, hz, (long) s);
            dev.kiln.engine.api.ProfileResponse p = client.profile(target, (int) s, hz);
            Path dir = output != null ? output : Path.of(p.name() + ".profile");
            List<String> notes = new ArrayList<>();
            if (!p.javaStacks()) notes.add("the image has no Java debug descriptor: RIPs only");
            if (p.note() != null) notes.add(p.note());
            ProfileOutput.write(FoldedStacks.parse(p.folded()), p.name(), p.samples(), p.cost(), notes, dir);
            return 0;
        } catch (dev.kiln.engine.client.ApiException e) {
            System.err.println("kiln: error: " + e.getMessage() + (e.status() == 404 ? " (nor an image file of that name)" : ""));
            return 1;
        } catch (dev.kiln.engine.client.DaemonUnreachableException e) {
            System.err.println("kiln: error: " + e.getMessage());
            return 1;
        }
    }

    /** The guest's end, or null once {@code nanos} have passed. */
    private static VmExit awaitEnd(CompletableFuture<VmExit> end, long nanos) throws InterruptedException {
        try {
            return end.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("the vCPU thread failed: " + e.getCause(), e.getCause());
        }
    }

    private VmConfig config(GuestImage guest) {
        long memoryBytes = 0;
        if (memoryMb != null) {
            if (memoryMb < 1 || memoryMb > RunCommand.MAX_MEMORY_MB)
                throw new UserError("--mem must be between 1 and " + RunCommand.MAX_MEMORY_MB + " MiB, not " + memoryMb);
            memoryBytes = memoryMb * 1024L * 1024L;
        }
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) throw new UserError("--env needs KEY=VALUE, not '" + entry + "'");
        }
        return new VmConfig(guest, memoryBytes, null, List.copyOf(args), List.copyOf(env), new FileOutputStream(FileDescriptor.out));
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
