package dev.kiln.cli.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one wrk run, parsed from its text report (wrk 4.x, run with --latency):
 * "N requests in Xs", "Requests/sec: X", the 99% line of the latency distribution, and the
 * error lines ("Socket errors: connect a, read b, write c, timeout d", "Non-2xx or 3xx responses: n").
 *
 * @param requests completed requests
 * @param rps requests per second as wrk reports it
 * @param p99Millis 99th-percentile latency in milliseconds
 * @param errors socket errors plus non-2xx/3xx responses
 */
public record WrkResult(long requests, double rps, double p99Millis, long errors) {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\b");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** Parses wrk's report; an IllegalArgumentException quoting it if a figure is missing. */
    public static WrkResult parse(String report) {
        Matcher req = REQUESTS.matcher(report);
        Matcher rps = RPS.matcher(report);
        Matcher p99 = P99.matcher(report);
        if (!req.find() || !rps.find() || !p99.find()) {
            throw new IllegalArgumentException("not a wrk --latency report:\n" + report);
        }
        double scale = switch (p99.group(2)) {
            case "us" -> 0.001;
            case "ms" -> 1;
            case "s" -> 1000;
            default -> 60_000; // "m": minutes
        };
        long errors = 0;
        Matcher se = SOCKET_ERRORS.matcher(report);
        if (se.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(se.group(i));
            }
        }
        Matcher bad = NON_2XX.matcher(report);
        if (bad.find()) {
            errors += Long.parseLong(bad.group(1));
        }
        return new WrkResult(Long.parseLong(req.group(1)), Double.parseDouble(rps.group(1)),
                Double.parseDouble(p99.group(1)) * scale, errors);
    }
}
