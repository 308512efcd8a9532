package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.cli.Checks;
import dev.kiln.cli.ExampleImage;
import dev.kiln.cli.Main;
import dev.kiln.cli.bench.density.DensityDaemon;
import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.api.RestartPolicy;
import dev.kiln.engine.client.KilnClient;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench run-d`: how long a VM takes from "run it" to its first console line, with a warm
 * daemon (the benchmark's own, {@link DensityDaemon}, warmed by a few runs first). Two figures:
 * through the API (create and start, as `kiln run -d` sends them, from a client that is already
 * running), and through the `kiln run -d` command as a user types it, a new JVM each time. The
 * end is the time the daemon stamped on the VM's first console line, so the client's reading of
 * it is not counted. The image is the hello example: one line, no network.
 */
@Command(name = "run-d", mixinStandardHelpOptions = true,
        description = {"Time kiln run -d of a built image to its first console line with a warm daemon (the benchmark's own).",
                "Ends with: run-d api_first_line_ms=X api_p90_ms=X cli_first_line_ms=X cli_p90_ms=X (medians and 90th percentiles)"})
public final class BenchRunDetachedCommand implements Callable<Integer> {
    private static final int WARMUP = 5;
    private static final long LINE_TIMEOUT_S = 120; // a guard against a hang only

    @Option(names = "--runs", paramLabel = "N", description = "Runs through the API (default: ${DEFAULT-VALUE}).")
    int runs = 30;

    @Option(names = "--cli-runs", paramLabel = "N", description = "Runs of the kiln run -d command, a JVM each (default: ${DEFAULT-VALUE}).")
    int cliRuns = 5;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 10_000) throw new UserError("--runs must be 1..10000");
        if (cliRuns < 0 || cliRuns > 1000) throw new UserError("--cli-runs must be 0..1000");
        if (!NetworkNamespace.isRoot()) throw new UserError("kiln bench run-d must run as root: its daemon runs in a network namespace of its own");
        if (!Files.exists(Path.of("/dev/kvm"))) throw new UserError("/dev/kvm is missing: kiln bench run-d runs real VMs");
        List<String> missing = Checks.missingCommands("unshare");
        if (!missing.isEmpty()) throw new UserError("kiln bench run-d needs unshare (Debian package: util-linux)");
        Path image = ExampleImage.build("hello");
        try (DensityDaemon daemon = DensityDaemon.start(Main.class.getName())) {
            KilnClient client = daemon.client();
            System.out.printf("daemon pid %d; image %s; %d warm-up runs%n", daemon.pid(), image.getFileName(), WARMUP);
            for (int i = 0; i < WARMUP; i++) throughApi(client, image, "warm-" + i);
            List<Double> api = new ArrayList<>();
            for (int i = 0; i < runs; i++) api.add(throughApi(client, image, "api-" + i));
            System.out.printf("through the API: %s%n", summary(api));
            List<Double> cli = new ArrayList<>();
            for (int i = 0; i < cliRuns; i++) cli.add(throughCli(daemon, client, image, "cli-" + i));
            if (!cli.isEmpty()) System.out.printf("through kiln run -d (a new JVM each): %s%n", summary(cli));
            System.out.printf("run-d api_first_line_ms=%.2f api_p90_ms=%.2f cli_first_line_ms=%s cli_p90_ms=%s%n",
                    percentile(api, 50), percentile(api, 90), cli.isEmpty() ? "-" : String.format("%.1f", percentile(cli, 50)),
                    cli.isEmpty() ? "-" : String.format("%.1f", percentile(cli, 90)));
        }
        return 0;
    }

    /** Create and start through the client, then the first line's time; the VM is removed after. */
    private static double throughApi(KilnClient client, Path image, String name) {
        Instant t0 = Instant.now();
        client.create(new CreateRequest(name, image.toString(), List.of(), List.of(), null, List.of(), RestartPolicy.NO,
                null, null, List.of()));
        client.start(name);
        return firstLineMillis(client, name, t0);
    }

    /** kiln run -d as a user types it (this JVM's java and class path, KILN_HOST at the daemon), then the first line's time. */
    private static double throughCli(DensityDaemon daemon, KilnClient client, Path image, String name) throws Exception {
        List<String> cmd = new ArrayList<>(DensityDaemon.thisJvm());
        cmd.addAll(List.of(Main.class.getName(), "run", "-d", "--name", name, image.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        pb.environment().put("KILN_HOST", "unix://" + daemon.socket());
        Instant t0 = Instant.now();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(LINE_TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new UserError("kiln run -d failed: " + out.strip());
        }
        return firstLineMillis(client, name, t0);
    }

    /** Milliseconds from t0 to the daemon's stamp on the VM's first console line; then the VM is removed. */
    private static double firstLineMillis(KilnClient client, String name, Instant t0) {
        LogEntry[] first = {null};
        client.logs(name, true, null, null, e -> {
            if (!LogEntry.CONSOLE.equals(e.stream())) return true;
            first[0] = e;
            return false;
        });
        client.remove(name, true);
        if (first[0] == null) throw new UserError("VM " + name + " ended without a console line");
        return Duration.between(t0, first[0].time()).toNanos() / 1e6;
    }

    private static String summary(List<Double> ms) {
        return String.format("%d runs, median %.2f ms, 90th percentile %.2f ms, min %.2f ms", ms.size(), percentile(ms, 50),
                percentile(ms, 90), Collections.min(ms));
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
