package dev.kiln.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/observability.md's table of metrics names exactly the collector's families, each with its
 * type, and gives the unit Prometheus' naming puts in the name (_seconds, _bytes) where there is one.
 */
class MetricsDocsTest {
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (counter|gauge) \\| (.+?) \\| .*$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`(kiln_vm_[a-z_]+)`");

    @Test
    void theTableListsEveryFamilyWithItsType() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("kiln.home"), "docs", "observability.md"));
        int start = doc.indexOf("\n## Metrics\n");
        assertTrue(start >= 0, "docs/observability.md has no Metrics section");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                documented.add(name.group(1) + " " + row.group(2));
                for (String unit : new String[] {"seconds", "bytes"}) {
                    if (name.group(1).matches(".*_" + unit + "(_total)?")) {
                        assertTrue(row.group(3).contains(unit), name.group(1) + "'s unit is " + unit + ", not '" + row.group(3) + "'");
                    }
                }
            }
        }
        Set<String> exposed = VmMetricsCollector.fixedFamilies().stream()
                .map(d -> d.name() + (d.type() == Families.Type.COUNTER ? "_total counter" : " gauge"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(exposed, documented);
    }
}
