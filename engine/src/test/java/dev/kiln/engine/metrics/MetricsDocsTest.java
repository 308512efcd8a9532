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

/** docs/engine.md's table of metrics names exactly the collector's families, each with its type. */
class MetricsDocsTest {
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (counter|gauge) \\| .*$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`(kiln_vm_[a-z_]+)`");

    @Test
    void theTableListsEveryFamilyWithItsType() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("kiln.home"), "docs", "engine.md"));
        int start = doc.indexOf("\n## Metrics\n");
        assertTrue(start >= 0, "docs/engine.md has no Metrics section");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) documented.add(name.group(1) + " " + row.group(2));
        }
        Set<String> exposed = VmMetricsCollector.fixedFamilies().stream()
                .map(d -> d.name() + (d.type() == Families.Type.COUNTER ? "_total counter" : " gauge"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(exposed, documented);
    }
}
