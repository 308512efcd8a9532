package dev.kiln.cli.bench;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one dnsperf run (dnsperf 2.x), parsed from its statistics ("Queries sent: N",
 * "Queries completed: N (..%)", "Queries lost: N (..%)", "Queries per second: X", "Average
 * Latency (s): X (min .., max ..)") and, when it ran with -v, from its one line per answer
 * ("> NOERROR www.kiln.test. A 0.000142"), which give the latency distribution.
 *
 * @param sent queries sent
 * @param completed queries answered
 * @param lost queries without an answer within dnsperf's timeout
 * @param qps completed queries per second as dnsperf reports it
 * @param averageMillis mean latency in milliseconds
 * @param latenciesMillis each answer's latency in milliseconds, sorted (empty without -v)
 */
public record DnsperfResult(long sent, long completed, long lost, double qps, double averageMillis, double[] latenciesMillis) {
    private static final Pattern SENT = Pattern.compile("Queries sent:\\s+(\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Queries completed:\\s+(\\d+)");
    private static final Pattern LOST = Pattern.compile("Queries lost:\\s+(\\d+)");
    private static final Pattern QPS = Pattern.compile("Queries per second:\\s+([0-9.]+)");
    private static final Pattern AVERAGE = Pattern.compile("Average Latency \\(s\\):\\s+([0-9.]+)");
    private static final Pattern ANSWER = Pattern.compile("(?m)^> [A-Z]+ \\S+ \\S+ ([0-9.]+)$");

    /** Parses dnsperf's output; an IllegalArgumentException quoting it if a figure is missing. */
    public static DnsperfResult parse(String output) {
        Matcher sent = SENT.matcher(output), completed = COMPLETED.matcher(output), lost = LOST.matcher(output),
                qps = QPS.matcher(output), average = AVERAGE.matcher(output);
        if (!sent.find() || !completed.find() || !lost.find() || !qps.find() || !average.find()) {
            String shown = output.length() > 4000 ? output.substring(output.length() - 4000) : output;
            throw new IllegalArgumentException("not a dnsperf report:\n" + shown);
        }
        Matcher a = ANSWER.matcher(output);
        double[] latencies = a.results().mapToDouble(m -> Double.parseDouble(m.group(1)) * 1000).sorted().toArray();
        return new DnsperfResult(Long.parseLong(sent.group(1)), Long.parseLong(completed.group(1)), Long.parseLong(lost.group(1)),
                Double.parseDouble(qps.group(1)), Double.parseDouble(average.group(1)) * 1000, latencies);
    }

    /** The q-quantile (0..1) of the answers' latencies in ms, nearest rank; NaN without -v lines. */
    public double quantileMillis(double q) {
        if (latenciesMillis.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q * latenciesMillis.length);
        return latenciesMillis[Math.max(0, Math.min(latenciesMillis.length - 1, rank - 1))];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsperfResult r && sent == r.sent && completed == r.completed && lost == r.lost
                && Double.compare(qps, r.qps) == 0 && Double.compare(averageMillis, r.averageMillis) == 0
                && Arrays.equals(latenciesMillis, r.latenciesMillis);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sent) * 31 + Arrays.hashCode(latenciesMillis);
    }

    @Override
    public String toString() {
        return "DnsperfResult[sent=" + sent + ", completed=" + completed + ", lost=" + lost + ", qps=" + qps + "]";
    }
}
