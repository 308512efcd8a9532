package dev.kiln.engine.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What GET /metrics answers, wherever it is served (the daemon's socket, --metrics-addr, kiln
 * run --metrics-addr): the VMs' collector, read now, written in Prometheus' text format
 * (version 0.0.4) by the Prometheus Java client's writer. The collector builds the client's
 * snapshots itself rather than through its registry, whose one set of families cannot hold an
 * app's counter x (exposed x_total) beside another app's gauge x (see {@link Families}).
 */
public final class MetricsExposition {
    private final VmMetricsCollector collector;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /**
     * @param vms the VMs at the moment of a scrape
     * @param log where a failure to read one VM is told
     */
    public MetricsExposition(Supplier<List<VmSample>> vms, Consumer<String> log) {
        this.collector = new VmMetricsCollector(vms, log);
    }

    /** The Content-Type of {@link #scrape}'s bytes. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Reads every VM now and returns the exposition. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            // Every name Kiln writes is a legacy (ASCII) Prometheus name, so no escaping scheme changes it.
            for (MetricSnapshots set : collector.collect()) writer.write(out, set, EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
