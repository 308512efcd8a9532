package dev.kiln.cli;

import dev.kiln.engine.metrics.MetricsAddress;
import dev.kiln.engine.metrics.MetricsExposition;
import dev.kiln.engine.metrics.MetricsServer;
import dev.kiln.engine.metrics.VmSample;
import dev.kiln.engine.state.ImageStore;
import dev.kiln.vmm.Vm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * `kiln run --metrics-addr`: the daemon's GET /metrics for the one VM of a foreground run, the
 * same names and labels (name: the image's name, id: empty, as a foreground VM has none; image:
 * the digest of the image file), served while kiln runs.
 */
final class RunMetrics implements AutoCloseable {
    private final String name;
    private final String digest;
    private final MetricsServer server;
    private volatile Vm vm;
    private volatile Instant startedAt;
    private volatile boolean running;

    private RunMetrics(String name, String digest, String address) throws Exception {
        this.name = name;
        this.digest = digest;
        MetricsExposition exposition = new MetricsExposition(this::sample, line -> System.err.println("kiln: " + line));
        this.server = MetricsServer.start(MetricsAddress.parse(address), exposition, line -> System.err.println("kiln: " + line));
    }

    /** Serves the metrics of the VM {@link #running} will name, or fails with a one-line error; null without an address. */
    static RunMetrics start(String address, Path image, String imageName) {
        if (address == null) return null;
        try {
            return new RunMetrics(imageName, ImageStore.digest(Files.readAllBytes(image)), address);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (Exception e) {
            throw new UserError(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The VM is about to run. */
    void running(Vm v) {
        vm = v;
        startedAt = Instant.now();
        running = true;
    }

    /** The VM ended: its counters stay readable until kiln exits, up becomes 0. */
    void ended() {
        running = false;
    }

    private List<VmSample> sample() {
        return List.of(new VmSample(name, "", digest, running, startedAt, 0, null, vm));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
