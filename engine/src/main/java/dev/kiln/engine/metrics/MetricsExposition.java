package dev.kiln.engine.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What GET /metrics answers, wherever it is served (the daemon's socket, --metrics-addr, kiln
 * run --metrics-addr): a registry of the Prometheus Java client holding the VMs' collector,
 * written in Prometheus' text format (version 0.0.4) by the client's writer.
 */
public final class MetricsExposition {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /**
     * @param vms the VMs at the moment of a scrape
     * @param log where a failure to read one VM is told
     */
    public MetricsExposition(Supplier<List<VmSample>> vms, Consumer<String> log) {
        registry.register(new VmMetricsCollector(vms, log));
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
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
