package dev.kiln.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text format 0.0.4, for the metrics tests: it refuses what a
 * Prometheus server would refuse or misread (a sample before its TYPE, a family split in two, a
 * series twice, a bad name, label or value) and keeps the samples to look up.
 */
final class ExpositionText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** A sample: its name and labels. */
    record Series(String name, Map<String, String> labels) {}

    final Map<Series, Double> samples = new LinkedHashMap<>();
    final Map<String, String> types = new HashMap<>();

    static ExpositionText parse(String text) {
        ExpositionText e = new ExpositionText();
        Set<String> closed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        String current = null;
        int n = 0;
        String[] lines = text.split("\n", -1);
        for (String line : lines) {
            n++;
            if (line.isEmpty()) {
                if (n < lines.length) throw new AssertionError("line " + n + ": an empty line inside the exposition");
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (!helped.add(m.group(1))) throw new AssertionError("line " + n + ": a second HELP for " + m.group(1));
            } else if ((m = TYPE.matcher(line)).matches()) {
                String name = m.group(1);
                if (e.types.containsKey(name)) throw new AssertionError("line " + n + ": a second TYPE for " + name);
                if (current != null) closed.add(current);
                current = name;
                e.types.put(name, m.group(2));
            } else if (line.startsWith("#")) {
                throw new AssertionError("line " + n + ": an unknown comment: " + line);
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                if (!name.equals(current)) {
                    throw new AssertionError("line " + n + ": sample " + name + (closed.contains(name) ? " after its family ended"
                            : " without a TYPE right before it") + ": " + line);
                }
                Map<String, String> labels = labels(m.group(2), n);
                double value = value(m.group(3), n);
                if (e.samples.put(new Series(name, labels), value) != null) {
                    throw new AssertionError("line " + n + ": a series twice: " + line);
                }
            } else {
                throw new AssertionError("line " + n + ": not the text format: " + line);
            }
        }
        return e;
    }

    private static Map<String, String> labels(String text, int n) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.isEmpty()) return out;
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) throw new AssertionError("line " + n + ": bad labels: {" + text + "}");
            String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (out.put(m.group(1), value) != null) throw new AssertionError("line " + n + ": label " + m.group(1) + " twice");
            at = m.end();
        }
        return out;
    }

    private static double value(String text, int n) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    throw new AssertionError("line " + n + ": not a value: " + text);
                }
            }
        };
    }

    /** The value of the series name of the VM vm (and the extra labels given as pairs), or null. */
    Double value(String name, String vm, String... extra) {
        Double found = null;
        for (var s : samples.entrySet()) {
            if (!s.getKey().name().equals(name) || !vm.equals(s.getKey().labels().get("name"))) continue;
            boolean match = true;
            for (int i = 0; i < extra.length; i += 2) match &= extra[i + 1].equals(s.getKey().labels().get(extra[i]));
            if (!match) continue;
            if (found != null) throw new AssertionError("more than one series " + name + " of " + vm + " " + List.of(extra));
            found = s.getValue();
        }
        return found;
    }

    /** The series of the VM vm whose name starts with prefix. */
    List<Series> seriesOf(String vm, String prefix) {
        return samples.keySet().stream().filter(s -> s.name().startsWith(prefix) && vm.equals(s.labels().get("name"))).toList();
    }
}
