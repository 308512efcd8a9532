package dev.kiln.cli;

import dev.kiln.cli.engine.DaemonOptions;
import dev.kiln.cli.engine.DetachedRun;
import dev.kiln.image.GuestImage;
import dev.kiln.image.StaticIp;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                "The guest's console goes to stdout; its exit status becomes kiln's. With -d the VM runs in the kiln",
                "daemon instead (started in the background if none answers) and kiln prints its id.",
                "Exit statuses of kiln itself: 124 timeout, 125 kiln error, 134 guest abort,",
                "139 guest crash (report on stderr), 143 stopped, 159 guest broke the hypercall ABI."})
public final class RunCommand implements Callable<Integer> {
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

    @Option(names = "--net", paramLabel = "tap=NAME|passt[,mac=MAC][,mtu=N]",
            description = {"Native images: give the VM a net device on the tap NAME in kiln's current network",
                    "namespace (needs root), or through passt (user-mode networking, no root; what -p uses without root).",
                    "mac and mtu (default: a random 02:4b:49:xx:xx:xx, 1500) also apply with -p."})
    String net;

    @Option(names = "--ip", paramLabel = "CIDR[,GATEWAY]",
            description = "Native images: the guest's static address, e.g. 10.0.0.2/24,10.0.0.1 (default: the"
                    + " manifest's ip, else 10.0.0.2/24 with -p, else DHCP).")
    String ip;

    @Option(names = "--stats", description = {"Native images: print the VM's counters (exits, hypercalls, frames)",
            "and the guest's own figures from its stats page (GC, heap, TCP, UDP, the app's metrics) on stderr at the end."})
    boolean stats;

    @Option(names = "--metrics-addr", paramLabel = "HOST:PORT",
            description = {"Native images: serve GET /metrics (Prometheus' text format, the daemon's metric names) for this VM",
                    "on TCP at this address while it runs, such as 127.0.0.1:9464. Read-only, without authentication."})
    String metricsAddr;

    @Option(names = "--stop-timeout", paramLabel = "S",
            description = {"Native images: on SIGTERM or Ctrl-C, how long the guest may take to stop by itself (a",
                    "Java image runs its shutdown hooks and exits 143) before the VM is destroyed; a second signal",
                    "destroys it at once (default: 10 s, as Docker)."})
    Double stopTimeoutSeconds;

    @Option(names = "--dns", paramLabel = "ADDR",
            description = "Native images with a net device: the IPv4 address of the DNS resolver the guest is told to ask.")
    String dns;

    @Option(names = "--seccomp", paramLabel = "on|log|off",
            description = {"Native images: the monitor threads' seccomp filters (docs/security.md). on (default): a",
                    "forbidden system call kills kiln (SIGSYS); log: it runs and the kernel logs it (dmesg); off: none."})
    String seccomp;

    @Option(names = "--gdb", paramLabel = "unix:PATH|127.0.0.1:PORT",
            description = {"Native images: serve the GDB remote protocol there (loopback or a unix socket only; PORT 0",
                    "picks one, printed on stderr); gdb IMAGE -ex 'target remote ADDRESS' (docs/debugging.md)."})
    String gdb;

    @Option(names = "--gdb-wait", description = "With --gdb: the guest's first instruction waits until a debugger attaches.")
    boolean gdbWait;

    @Option(names = "--core", paramLabel = "FILE",
            description = {"Native images: if the guest crashes, write an ELF core file there (gdb IMAGE FILE, or",
                    "kiln debug IMAGE --core FILE; docs/debugging.md). Without it no core is written."})
    Path core;

    @Option(names = "--core-limit", paramLabel = "SIZE",
            description = {"With --core: the largest core file to write, in MiB or with a K, M or G suffix (default 1G);",
                    "a larger one is not written, and kiln says so."})
    String coreLimit;

    @Option(names = "--accel", paramLabel = "auto|kvm|tcg", defaultValue = "auto",
            description = "jvm flavor: QEMU accelerator; auto uses KVM only where guest kernel code runs fast.")
    String accel;

    @Option(names = "--kernel-log", description = "jvm flavor: show the guest kernel's boot messages.")
    boolean kernelLog;

    @Option(names = "--add-modules", paramLabel = "MODULE[,MODULE]", split = ",",
            description = "kiln run --flavor jvm APP.jar: JDK modules to add to what the build finds (repeatable).")
    List<String> addModules = new ArrayList<>();

    @Option(names = "--main", paramLabel = "CLASS",
            description = "kiln run --flavor jvm APP.jar: the main class, if the jar's manifest does not name it.")
    String mainClass;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "kiln run --flavor jvm APP.jar: a JVM option for the image (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

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

    @Option(names = {"-d", "--detach"}, description = {"Run the VM in the kiln daemon, which keeps it (and its log) after kiln",
            "exits, and print its id; see kiln ps, logs, stop. Native images only."})
    boolean detach;

    @Option(names = "--name", paramLabel = "NAME", description = "With -d: the VM's name (default: IMAGE-xxxxxx).")
    String name;

    @Option(names = "--restart", paramLabel = "POLICY",
            description = "With -d: no (default), on-failure[:N], always or unless-stopped, as Docker's.")
    String restart;

    @Option(names = "--health", paramLabel = "tcp:PORT|http:PORT/PATH",
            description = "With -d: check the guest's PORT from the host (needs -p or --network): a TCP connection, or a GET below 400.")
    String health;

    @Option(names = "--health-interval", paramLabel = "DURATION", description = "With --health: between checks (default 30s).")
    String healthInterval;

    @Option(names = "--health-timeout", paramLabel = "DURATION", description = "With --health: a check's time limit (default 30s).")
    String healthTimeout;

    @Option(names = "--health-retries", paramLabel = "N", description = "With --health: failures in a row that make it unhealthy (default 3).")
    Integer healthRetries;

    @Option(names = "--health-start-period", paramLabel = "DURATION",
            description = "With --health: failures in this time after a start do not count (default 0s).")
    String healthStartPeriod;

    @Option(names = "--network", paramLabel = "NAME",
            description = "With -d: join the project network NAME on the daemon's bridge; its VMs find each other by name"
                    + " (the VM's name and its --network-alias) through the daemon's resolver at the gateway, port 53.")
    String network;

    @Option(names = "--network-alias", paramLabel = "ALIAS", description = "With --network: another name of the VM there (repeatable).")
    List<String> networkAliases = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE",
            description = "With -d: a label of the VM (repeatable), shown by inspect and ps --format json; kiln ps --filter label=KEY=VALUE lists by it.")
    List<String> labels = new ArrayList<>();

    @Mixin DaemonOptions daemon;

    @Override
    public Integer call() throws Exception {
        if (!detach && (name != null || restart != null || health != null || healthInterval != null || healthTimeout != null
                || healthRetries != null || healthStartPeriod != null || network != null || !networkAliases.isEmpty()
                || !labels.isEmpty() || daemon.hostGiven())) {
            throw new UserError("--name, --restart, --health..., --network..., --label and --host are for kiln run -d (a VM in the daemon)");
        }
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
        if (detach) return detached();
        if (flavor != null && !flavor.equals("jvm") && !flavor.equals("native"))
            throw new UserError("--flavor must be native or jvm, not '" + flavor + "'");
        if (JvmFlavor.isImage(image)) return runJvm(false);
        if ("jvm".equals(flavor)) {
            if (!JvmFlavor.isJar(image)) throw new UserError("--flavor jvm runs a jar or a jvm image; " + image + " is neither");
            return runJvm(true);
        }
        if (jvmBuildOptionsGiven())
            throw new UserError("--add-modules, --main and --jvm-option are for kiln run --flavor jvm APP.jar");
        if (seccomp != null) {
            try {
                Sandbox.setMode(Sandbox.Mode.parse(seccomp));
            } catch (IllegalArgumentException e) {
                throw new UserError("--seccomp: " + e.getMessage());
            }
        }
        if (gdbWait && gdb == null) throw new UserError("--gdb-wait needs --gdb ADDRESS");
        long coreLimit = coreLimit();
        java.net.SocketAddress gdbEndpoint;
        try {
            gdbEndpoint = gdb == null ? null : dev.kiln.vmm.gdb.GdbServer.endpoint(gdb);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        GuestImage guest = GuestImage.load(image);
        VmConfig config = config(guest);
        Duration grace = stopTimeout(); // both checked before the network exists
        int resolver = resolver();
        VmNetwork network = VmNetwork.open(publish, net, ip, guest.manifest());
        // Closed in this order: the network after the VM ended, then the guard (so that a
        // signal's hook waits for all of it).
        try (ShutdownGuard guard = new ShutdownGuard(network, grace); VmNetwork n = network;
             RunMetrics metrics = RunMetrics.start(metricsAddr, image, guest.name())) {
            if (network != null) {
                config = config.withNet(network.config.withDns(resolver));
                System.err.println("kiln: network: " + network.summary
                        + (resolver == 0 ? "" : "; DNS resolver " + dns.strip()));
            }
            try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, config)) {
                guard.watch(vm);
                if (metrics != null) metrics.running(vm);
                if (gdbEndpoint != null) {
                    String at;
                    try {
                        at = vm.debugWith(gdbEndpoint, gdbWait, msg -> System.err.println("kiln: gdb: " + msg));
                    } catch (IOException e) {
                        throw new UserError("--gdb " + gdb + ": " + e.getMessage());
                    }
                    System.err.println("kiln: gdb: listening on " + at + (gdbWait ? " (the guest waits for a debugger)" : ""));
                }
                VmExit exit = vm.run();
                if (metrics != null) metrics.ended();
                String stopped = guard.outcome();
                if (stopped != null) System.err.println("kiln: " + stopped);
                else report(exit);
                if (exit instanceof VmExit.Crashed) crashExtras(vm, coreLimit);
                if (stats) {
                    System.err.print("kiln: stats: " + vm.stats().format());
                    System.err.print("kiln: guest stats: " + vm.guestStats().format());
                }
                return exit.exitStatus();
            }
        }
    }

    /** kiln run -d: the daemon runs it; the flags of a foreground run that make no sense there are refused. */
    private int detached() throws java.io.IOException {
        if (jvmBuildOptionsGiven() || ("jvm".equals(flavor) && !JvmFlavor.isImage(image))) {
            throw new UserError("-d runs a built image: build a jar first (kiln build --flavor jvm APP.jar); --add-modules,"
                    + " --main and --jvm-option are for kiln build");
        }
        if (timeoutSeconds != null || net != null || ip != null || stats || seccomp != null || kernelLog || !accel.equals("auto")
                || metricsAddr != null) {
            throw new UserError("--timeout, --net, --ip, --stats, --seccomp, --accel, --kernel-log and --metrics-addr are for a"
                    + " foreground kiln run, not -d (the daemon serves every VM's metrics: kiln daemon --metrics-addr)");
        }
        if (gdb != null || gdbWait) {
            throw new UserError("--gdb and --gdb-wait are for a foreground kiln run, not -d");
        }
        return DetachedRun.run(image, new DetachedRun.Request(name, restart, health, healthInterval, healthTimeout,
                healthRetries, healthStartPeriod, publish, env, memoryMb, args, network, networkAliases, labels, daemon));
    }

    /** A jvm image (or a jar built into one) on QEMU; what the image bakes in cannot be changed here. */
    private int runJvm(boolean buildFirst) {
        if (!buildFirst && (memoryMb != null || !env.isEmpty() || !args.isEmpty() || jvmBuildOptionsGiven()))
            throw new UserError("--mem, --env, ARGS, --add-modules, --main and --jvm-option are baked into a jvm image: "
                    + "pass them to kiln build --flavor jvm (--memory, --env, --arg, --add-modules, --main, --jvm-option)");
        if (net != null || ip != null || stats || seccomp != null || dns != null || stopTimeoutSeconds != null || metricsAddr != null
                || gdb != null)
            throw new UserError("--net, --ip, --dns, --stats, --stop-timeout, --seccomp, --metrics-addr and --gdb are for native images;"
                    + " a jvm image publishes ports with -p");
        Duration timeout = timeout();
        try {
            var acceleration = JvmFlavor.accel(accel);
            if (!buildFirst) return JvmFlavor.run(image, publish, timeout, acceleration, kernelLog);
            Map<String, String> environment = new LinkedHashMap<>();
            for (String e : env) {
                int eq = e.indexOf('=');
                if (eq <= 0) throw new UserError("--env wants KEY=VALUE, got '" + e + "'");
                environment.put(e.substring(0, eq), e.substring(eq + 1));
            }
            var build = new JvmFlavor.BuildOptions(mainClass, memoryMb != null ? memoryMb : JvmFlavor.DEFAULT_MEMORY_MB,
                    args, environment, new LinkedHashSet<>(addModules), jvmOptions);
            return JvmFlavor.buildAndRun(image, build, publish, timeout, acceleration, kernelLog);
        } catch (IOException | IllegalArgumentException e) { // kiln's own: bad image or -p, QEMU missing
            throw new UserError(e.getMessage());
        }
    }

    private boolean jvmBuildOptionsGiven() {
        return !addModules.isEmpty() || mainClass != null || !jvmOptions.isEmpty();
    }

    private Duration stopTimeout() {
        if (stopTimeoutSeconds == null) return Duration.ofSeconds(10);
        if (!(stopTimeoutSeconds >= 0) || stopTimeoutSeconds > 365 * 86400.0)
            throw new UserError("--stop-timeout must be a number of seconds of 0 or more, not " + stopTimeoutSeconds);
        return Duration.ofNanos((long) (stopTimeoutSeconds * 1e9));
    }

    /** --dns as the boot info's net_dns (host byte order), 0 without it. */
    private int resolver() {
        if (dns == null) return 0;
        if (publish.isEmpty() && net == null) throw new UserError("--dns needs a net device (-p or --net)");
        try {
            int a = StaticIp.address(dns.strip());
            if (a == 0) throw new IllegalArgumentException("0.0.0.0 is no resolver");
            return a;
        } catch (IllegalArgumentException e) {
            throw new UserError("--dns: " + e.getMessage());
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

    private long coreLimit() {
        if (coreLimit == null) return dev.kiln.vmm.core.CoreDump.DEFAULT_LIMIT;
        if (core == null) throw new UserError("--core-limit needs --core FILE");
        var m = java.util.regex.Pattern.compile("([0-9]{1,7})([KMG]?)").matcher(coreLimit);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UserError("--core-limit takes a size like 512K, 64M or 2G, not '" + coreLimit + "'");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "G" -> 30;
            default -> 20;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** After a crash: the Java stacks at the crash (a Java image), and the core file if --core asked for one. */
    private void crashExtras(Vm vm, long limit) {
        if (dev.kiln.image.JavaDebugInfo.of(vm.image().elf()).isPresent()) {
            System.err.println("kiln: Java stacks at the crash:");
            for (var t : vm.javaStacks()) System.err.print(t.format(CRASH_FRAMES));
        }
        if (core == null) {
            System.err.println("kiln: no core file written (kiln run --core FILE writes one)");
            return;
        }
        try {
            long bytes = vm.dumpCore(core, limit);
            System.err.println("kiln: core file " + core + " (" + (bytes + 1023) / 1024 + " KiB); open it with kiln debug "
                    + image + " --core " + core);
        } catch (dev.kiln.vmm.VmmException e) {
            System.err.println("kiln: " + e.getMessage());
        }
    }

    /** Frames per thread in a crash's Java stacks (a stack overflow has thousands; the innermost tell). */
    static final int CRASH_FRAMES = 24;

    public static Path existingImage(Path image) {
        if (!Files.exists(image)) throw new UserError("no such image: " + image);
        if (!Files.isRegularFile(image)) throw new UserError("not an image file: " + image);
        return image;
    }

    /**
     * Anything but a plain exit deserves a word on stderr; a crash gets the whole report. Tests
     * with instanceof, not a pattern switch: the JDK links a pattern switch at its first run by
     * generating a class (SwitchBootstraps), which JDK 25's AOT cache does not keep, so every
     * `kiln run` would spin it anew.
     */
    static void report(VmExit exit) {
        if (exit instanceof VmExit.Exited) return;
        if (exit instanceof VmExit.Crashed c) System.err.print("kiln: " + c.report().format());
        else System.err.println("kiln: " + exit.describe());
    }
}
