package dev.kiln.cli.bench.density;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `kiln bench density` reads from one GET /metrics of its daemon (docs/engine.md,
 * "Metrics"): the VMs that are up, and each VM's exits by reason, keyed by the VM's name.
 * Only those two families are read; the rest of the text is skipped.
 */
public record MetricsScrape(int bytes, int upVms, Map<String, Long> exits, Map<String, Long> interruptExits) {
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(kiln_vm_up|kiln_vm_exits_total)\\{([^}]*)\\} (\\S+)$");
    private static final Pattern NAME = Pattern.compile("(?:^|,)name=\"([^\"]*)\"");
    private static final Pattern REASON = Pattern.compile("(?:^|,)reason=\"([^\"]*)\"");

    public static MetricsScrape parse(String text) {
        int up = 0;
        Map<String, Long> exits = new HashMap<>(), interrupts = new HashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            Matcher name = NAME.matcher(m.group(2));
            if (!name.find()) throw new IllegalArgumentException("a sample without a name label: " + m.group());
            double value = Double.parseDouble(m.group(3));
            if (m.group(1).equals("kiln_vm_up")) {
                if (value == 1) up++;
                continue;
            }
            long n = (long) value;
            exits.merge(name.group(1), n, Long::sum);
            Matcher reason = REASON.matcher(m.group(2));
            if (reason.find() && reason.group(1).equals("interrupt")) interrupts.merge(name.group(1), n, Long::sum);
        }
        return new MetricsScrape(text.length(), up, exits, interrupts);
    }

    /** The VMs of this scrape whose exit count is not what it was in earlier. */
    public long vmsWithOtherExits(MetricsScrape earlier) {
        return exits.entrySet().stream().filter(e -> !e.getValue().equals(earlier.exits.get(e.getKey()))).count();
    }

    public long totalExits() {
        return exits.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalInterruptExits() {
        return interruptExits.values().stream().mapToLong(Long::longValue).sum();
    }
}
