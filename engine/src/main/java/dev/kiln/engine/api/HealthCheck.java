package dev.kiln.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kiln.image.UntrustedText;

/**
 * A health check run from the host through the VM's network, with Docker's defaults and
 * meaning: the first probe runs {@code intervalMs} after the start, then one every interval;
 * a probe fails when it takes longer than {@code timeoutMs}; {@code retries} failures in a
 * row make the VM unhealthy, one success makes it healthy; failures within
 * {@code startPeriodMs} of the start do not count.
 *
 * @param test {@code tcp:PORT} (a TCP connection to the guest's PORT is accepted) or
 *     {@code http:PORT/PATH} (an HTTP GET of PATH answers with a status below 400)
 * @param intervalMs between probes, default 30 000
 * @param timeoutMs longest a probe may take, default 30 000
 * @param retries failures in a row that make the VM unhealthy, default 3
 * @param startPeriodMs time after a start when failures do not count, default 0
 */
public record HealthCheck(String test, Long intervalMs, Long timeoutMs, Integer retries, Long startPeriodMs) {
    public static final long DEFAULT_INTERVAL_MS = 30_000, DEFAULT_TIMEOUT_MS = 30_000, DEFAULT_START_PERIOD_MS = 0;
    public static final int DEFAULT_RETRIES = 3;
    static final long MIN_INTERVAL_MS = 10, MAX_MS = 24L * 3600 * 1000;

    public HealthCheck {
        if (test == null) throw new IllegalArgumentException("a health check needs a test: tcp:PORT or http:PORT/PATH");
        parse(test);
        intervalMs = intervalMs == null ? DEFAULT_INTERVAL_MS : intervalMs;
        timeoutMs = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
        retries = retries == null ? DEFAULT_RETRIES : retries;
        startPeriodMs = startPeriodMs == null ? DEFAULT_START_PERIOD_MS : startPeriodMs;
        if (intervalMs < MIN_INTERVAL_MS || intervalMs > MAX_MS) {
            throw new IllegalArgumentException("health interval " + intervalMs + " ms is not " + MIN_INTERVAL_MS + " ms to 24 h");
        }
        if (timeoutMs < 1 || timeoutMs > MAX_MS) throw new IllegalArgumentException("health timeout " + timeoutMs + " ms is not 1 ms to 24 h");
        if (retries < 1 || retries > 1000) throw new IllegalArgumentException("health retries " + retries + " is not 1..1000");
        if (startPeriodMs < 0 || startPeriodMs > MAX_MS) {
            throw new IllegalArgumentException("health start period " + startPeriodMs + " ms is not 0 to 24 h");
        }
    }

    /** tcp:PORT with the defaults, or http:PORT/PATH. */
    public static HealthCheck of(String test) {
        return new HealthCheck(test, null, null, null, null);
    }

    /** True for http:PORT/PATH, false for tcp:PORT. */
    @JsonIgnore
    public boolean http() {
        return test.startsWith("http:");
    }

    /** The guest's port the probe connects to. */
    @JsonIgnore
    public int port() {
        return parse(test);
    }

    /** The path an HTTP probe gets, null for tcp. */
    @JsonIgnore
    public String path() {
        if (!http()) return null;
        int slash = test.indexOf('/', 5);
        return slash < 0 ? "/" : test.substring(slash);
    }

    /** Checks the test's syntax and returns its port. */
    private static int parse(String test) {
        boolean http = test.startsWith("http:");
        if (!http && !test.startsWith("tcp:")) {
            throw new IllegalArgumentException("health test " + UntrustedText.quote(test) + " is not tcp:PORT or http:PORT/PATH");
        }
        String rest = test.substring(http ? 5 : 4);
        int slash = rest.indexOf('/');
        String port = http && slash >= 0 ? rest.substring(0, slash) : rest;
        String path = http ? (slash >= 0 ? rest.substring(slash) : "/") : null;
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("health test " + UntrustedText.quote(test) + ": the port must be 1..65535");
        }
        if (path != null && (path.length() > 1024 || !path.matches("/[\\x21-\\x7e]*"))) {
            throw new IllegalArgumentException("health test " + UntrustedText.quote(test) + ": the path must be printable ASCII without spaces");
        }
        return Integer.parseInt(port);
    }
}
