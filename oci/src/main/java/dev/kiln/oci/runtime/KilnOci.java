package dev.kiln.oci.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.oci.image.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * kiln-oci: a runc-compatible OCI runtime for Kiln images, driven by podman (conmon) and by
 * containerd's runc shim as they drive runc: the same global flags, commands and exit codes,
 * errors as logrus JSON in --log. A bundle whose root file system holds a Kiln image
 * (/kiln/kiln.json) becomes a monitor process running its VM; any other bundle, and every
 * later command about it, is handed to runc.
 */
@Command(name = "kiln-oci", mixinStandardHelpOptions = true, versionProvider = KilnOci.Version.class,
        description = {"A runc-compatible runtime that runs Kiln images as containers (podman --runtime, containerd's",
                "runc shim with --runc-binary / BinaryName). Bundles without a Kiln image go to runc."})
public final class KilnOci {
    /**
     * Every command, in the order usage lists them, by each name and alias its {@code @Command} gives.
     * A process models only the command it was given (picocli builds a command's model from its
     * annotations by reflection, and every container start pays for what it builds): the
     * command word is found as the launcher finds it ({@link #commandWord}); without one, or with
     * a word that names no command, every command is modelled, for usage and picocli's errors.
     */
    static final Map<String, Class<?>> COMMANDS = commands(Create_.class, Start.class, State.class, Kill.class, Delete.class,
            Features.class, Ps.class, Exec.class, Unsupported.class, AotTraining.class);
    /** The global options that take a value in the next argument (runc's; --rootless's is optional, below). */
    private static final Set<String> VALUED = Set.of("--root", "--log", "--log-format", "--criu");

    @Option(names = "--root", paramLabel = "DIR", description = "Where container state lives (default /run/kiln-oci).")
    Path root = Path.of("/run/kiln-oci");
    @Option(names = "--log", paramLabel = "FILE", description = "Append errors (and notes) here.")
    Path logFile;
    @Option(names = "--log-format", paramLabel = "text|json", description = "Format of --log (default text, as runc's).")
    String logFormat = "text";
    @Option(names = "--systemd-cgroup", description = "cgroupsPath is slice:prefix:name.")
    boolean systemdCgroup;
    @Option(names = "--debug", description = "Accepted for runc compatibility.")
    boolean debug;
    @Option(names = "--rootless", arity = "0..1", description = "Accepted for runc compatibility.")
    String rootless;
    @Option(names = "--criu", description = "Accepted for runc compatibility.")
    String criu;

    private static List<String> rawArgs = List.of();

    public static void main(String[] args) {
        rawArgs = List.of(args);
        System.exit(commandLine(args).execute(args));
    }

    /** The command line for these arguments: the top level and only the command they name, if they name one. */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new KilnOci());
        Class<?> named = COMMANDS.get(commandWord(args));
        if (named != null) {
            cl.addSubcommand(named);
        } else {
            new LinkedHashSet<>(COMMANDS.values()).forEach(cl::addSubcommand);
        }
        cl.setUnmatchedArgumentsAllowed(true).setUnmatchedOptionsArePositionalParams(false);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            KilnOci top = cmd.getParent() != null ? cmd.getParent().getCommand() : cmd.getCommand();
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            top.log().error(msg);
            if ("1".equals(System.getenv("KILN_DEBUG"))) e.printStackTrace();
            return 1;
        });
        return cl;
    }

    /**
     * The first argument that is neither a global option nor a global option's value, as picocli
     * reads it (and the kiln-oci launcher); null if there is none. --rootless's value is optional:
     * the next argument is its value when it is one of runc's (true, false, auto).
     */
    static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED.contains(a)) {
                i++;
            } else if (a.equals("--rootless")) {
                if (i + 1 < args.length && Set.of("true", "false", "auto").contains(args[i + 1])) i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static Map<String, Class<?>> commands(Class<?>... classes) {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            Command command = c.getAnnotation(Command.class);
            commands.put(command.name(), c);
            for (String alias : command.aliases()) commands.put(alias, c);
        }
        return commands;
    }

    RuntimeLog log() {
        return new RuntimeLog(logFile, logFormat);
    }

    /** The container's directory if it is a Kiln container; otherwise runc gets the whole command line. */
    ContainerDir kilnOrRunc(String id) {
        ContainerDir dir = new ContainerDir(root, id);
        if (!dir.exists()) RuncHandoff.exec(rawArgs, "container " + id + " is not a Kiln container");
        return dir;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kiln-oci version 0.1.0", "spec: 1.0.2"};
        }
    }

    @Command(name = "create", description = "Create a container: start its monitor, which waits for start.")
    static final class Create_ implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @Option(names = {"-b", "--bundle"}, paramLabel = "DIR") Path bundle = Path.of(".");
        @Option(names = "--pid-file", paramLabel = "FILE") Path pidFile;
        @Option(names = "--console-socket", paramLabel = "PATH") String consoleSocket;
        @Option(names = "--no-pivot") boolean noPivot;
        @Option(names = "--no-new-keyring") boolean noNewKeyring;
        @Option(names = "--preserve-fds", paramLabel = "N") int preserveFds;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            Bundle b = Bundle.read(bundle.toAbsolutePath().normalize());
            int statusFd = statusFd();
            // Set here, inherited through the exec by runc and by the monitor: runc's own failure to set it says nothing useful.
            OomScoreAdj.apply(b.oomScoreAdj());
            if (!b.isKiln()) {
                // runc must not hold the launcher's pipe (its init would, until start): the launcher then waits for runc itself.
                if (statusFd >= 0) Libc.close(statusFd);
                RuncHandoff.exec(rawArgs, "the bundle's root file system holds no Kiln image (/kiln/kiln.json)");
            }
            Create.run(top.root, top.systemdCgroup, b, id, pidFile, consoleSocket, top.log(), statusFd);
            return 0;
        }
    }

    /** The launcher's pipe for create's "ok" ($KILN_OCI_STATUS_FD), or -1. */
    static int statusFd() {
        String v = System.getenv("KILN_OCI_STATUS_FD");
        if (v == null || v.isEmpty()) return -1;
        try {
            int fd = Integer.parseInt(v);
            if (fd < 3) throw new NumberFormatException();
            return fd;
        } catch (NumberFormatException e) {
            throw new RuntimeError("KILN_OCI_STATUS_FD=" + v + " is not a descriptor number above 2");
        }
    }

    @Command(name = "start", description = "Release a created container's monitor: its VM boots.")
    static final class Start implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() throws IOException {
            ContainerDir dir = top.kilnOrRunc(id);
            ContainerState s = dir.read();
            String status = Status.of(dir, s);
            if (status.equals("stopped")) throw new RuntimeError("cannot start a container that has stopped");
            if (!Files.exists(dir.fifo())) throw new RuntimeError("cannot start an already running container");
            // Non-blocking, so a monitor that died cannot leave us waiting: the monitor, blocked opening
            // the fifo for writing, goes on once we hold it open and writes one byte.
            int fd = Libc.open(dir.fifo().toString(), Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (fd < 0) throw new RuntimeError("open " + dir.fifo() + ": " + Errno.describe(-fd));
            try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
                java.lang.foreign.MemorySegment buf = arena.allocate(1);
                while (true) {
                    long n = Libc.read(fd, buf, 1);
                    if (n == 1) break;
                    if (n < 0 && n != -Errno.EAGAIN && n != -Errno.EINTR) {
                        throw new RuntimeError("read " + dir.fifo() + ": " + Errno.describe((int) -n));
                    }
                    if (!ProcStat.alive(s.pid(), s.pidStart())) throw new RuntimeError("the container's monitor exited before start");
                    sleep(1);
                }
            } finally {
                Libc.close(fd);
            }
            Files.deleteIfExists(dir.fifo());
            return 0;
        }
    }

    @Command(name = "state", description = "Print the container's state as JSON.")
    static final class State implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            ContainerDir dir = top.kilnOrRunc(id);
            ContainerState s = dir.read();
            byte[] json = OciState.json(s, Status.of(dir, s));
            System.out.write(json, 0, json.length);
            System.out.flush();
            return 0;
        }
    }

    @Command(name = "kill", description = "Send a signal (default SIGTERM) to the container's monitor.")
    static final class Kill implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @Option(names = {"-a", "--all"}) boolean all;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", arity = "0..1", paramLabel = "SIGNAL") String signal = "TERM";

        @Override
        public Integer call() {
            ContainerDir dir = top.kilnOrRunc(id);
            ContainerState s = dir.read();
            int sig = Signals.parse(signal);
            if (!ProcStat.alive(s.pid(), s.pidStart())) throw new RuntimeError("container not running");
            int r = Libc.kill(s.pid(), sig);
            if (r < 0) throw new RuntimeError("kill " + s.pid() + ": " + Errno.describe(-r));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a stopped container (--force: kill it first).")
    static final class Delete implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @Option(names = {"-f", "--force"}) boolean force;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            ContainerDir dir = top.kilnOrRunc(id);
            ContainerState s = dir.read();
            String status = Status.of(dir, s);
            if (!status.equals("stopped")) {
                if (!force && status.equals("running")) {
                    throw new RuntimeError("cannot delete container " + id + " that is not stopped: " + status);
                }
                Libc.kill(s.pid(), 9);
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (ProcStat.alive(s.pid(), s.pidStart()) && System.nanoTime() < deadline) sleep(5);
            }
            List<String> problems = new ArrayList<>();
            if (s.network() != null) problems.addAll(PodNetwork.teardown(s.network()));
            if (s.cgroups() != null) {
                for (String left : Cgroups.remove(s.cgroups())) problems.add("cgroup " + left + " is not empty");
            }
            dir.remove();
            if (!problems.isEmpty()) throw new RuntimeError("container " + id + " deleted, but: " + String.join("; ", problems));
            return 0;
        }
    }

    @Command(name = "ps", description = "The container's processes (its monitor).")
    static final class Ps implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @Option(names = {"-f", "--format"}) String format = "table";
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            ContainerDir dir = top.kilnOrRunc(id);
            ContainerState s = dir.read();
            boolean alive = ProcStat.alive(s.pid(), s.pidStart());
            if ("json".equals(format)) {
                ArrayNode a = Json.MAPPER.createArrayNode();
                if (alive) a.add(s.pid());
                System.out.println(Json.write(a));
            } else {
                System.out.println("PID");
                if (alive) System.out.println(s.pid());
            }
            return 0;
        }
    }

    @Command(name = "features", description = "What this runtime supports, as JSON (runc features).")
    static final class Features implements Callable<Integer> {
        @Override
        public Integer call() {
            ObjectNode o = Json.object();
            o.put("ociVersionMin", "1.0.0");
            o.put("ociVersionMax", "1.0.2");
            o.putArray("hooks");
            o.putArray("mountOptions");
            ObjectNode linux = o.putObject("linux");
            linux.putArray("namespaces").add("network");
            linux.putArray("capabilities");
            ObjectNode cg = linux.putObject("cgroup");
            cg.put("v1", true);
            cg.put("v2", false);
            cg.put("systemd", false);
            cg.put("systemdUser", false);
            ObjectNode ann = o.putObject("annotations");
            ann.put("dev.kiln.runtime", "kiln-oci");
            ann.put("dev.kiln.handoff", "bundles without /kiln/kiln.json run on runc");
            System.out.println(o.toPrettyString());
            return 0;
        }
    }

    @Command(name = "exec", description = "Refused for Kiln containers (a unikernel has no other process to start).")
    static final class Exec implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @CommandLine.Unmatched List<String> rest = new ArrayList<>();

        @Override
        public Integer call() {
            String id = null;
            for (String a : rest) if (!a.startsWith("-") && id == null && !a.contains("=")) id = a;
            if (id == null || !new ContainerDir(top.root, id).exists()) RuncHandoff.exec(rawArgs, "not a Kiln container");
            throw new RuntimeError("exec is not supported in a Kiln container: the guest is one unikernel with no"
                    + " shell or other program to start (use the app's own interfaces, or kiln tools on the image)");
        }
    }

    @Command(name = "pause", aliases = {"resume", "update", "checkpoint", "restore", "run", "list", "events", "spec"},
            description = "Not supported for Kiln containers; runc's containers get runc.")
    static final class Unsupported implements Callable<Integer> {
        @CommandLine.ParentCommand KilnOci top;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Unmatched List<String> rest = new ArrayList<>();

        @Override
        public Integer call() {
            for (String a : rest) {
                if (!a.startsWith("-") && a.matches("[\\w+.-]+") && new ContainerDir(top.root, a).exists()) {
                    throw new RuntimeError("'" + rawArgs.stream().filter(x -> !x.startsWith("-")).findFirst().orElse("?")
                            + "' is not supported for Kiln containers");
                }
            }
            RuncHandoff.exec(rawArgs, "not a Kiln container");
            return 1;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** created (the monitor waits on the fifo), running, or stopped. */
    static final class Status {
        private Status() {}

        static String of(ContainerDir dir, ContainerState s) {
            if (!ProcStat.alive(s.pid(), s.pidStart())) return "stopped";
            return Files.exists(dir.fifo()) ? "created" : "running";
        }
    }
}
