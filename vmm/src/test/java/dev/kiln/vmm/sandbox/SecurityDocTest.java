package dev.kiln.vmm.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/security.md lists, for each thread kind, exactly the calls its filter allows: the
 * "jvm" table the shared base, each kind's table the calls it adds to that base.
 */
class SecurityDocTest {
    @Test
    void theTablesListExactlyTheFiltersCalls() throws Exception {
        Map<String, Set<String>> doc = tables();
        Set<String> base = names(MonitorFilters.jvmThread());
        Map<String, SyscallFilter> filters = new LinkedHashMap<>();
        filters.put("vcpu", MonitorFilters.vcpu(10, new long[] {0xAE80L}, 11));
        filters.put("net-io", MonitorFilters.netIo(10, 11, 40));
        filters.put("timer", MonitorFilters.timer(40));
        filters.put("relay-accept", MonitorFilters.relayAccept());
        filters.put("relay-copy", MonitorFilters.relayCopy());
        assertEquals(base, doc.get("jvm (every confined thread)"), "the jvm table");
        for (var e : filters.entrySet()) {
            Set<String> own = names(e.getValue());
            assertTrue(own.containsAll(base), e.getKey() + " includes the jvm base");
            own.removeAll(base);
            assertEquals(own, doc.get(e.getKey()), "the " + e.getKey() + " table of docs/security.md");
        }
    }

    private static Set<String> names(SyscallFilter f) {
        Set<String> names = new TreeSet<>();
        for (SyscallFilter.Rule r : f.rules()) names.add(r.call().linuxName());
        return names;
    }

    /** The first column of each table under a "### KIND" heading. */
    private static Map<String, Set<String>> tables() throws Exception {
        String dir = System.getProperty("kiln.docs.dir");
        if (dir == null) fail("kiln.docs.dir is not set (run the tests through Maven)");
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        String section = null;
        for (String line : Files.readAllLines(Path.of(dir, "security.md"))) {
            if (line.startsWith("### ")) section = line.substring(4).strip();
            else if (line.startsWith("## ")) section = null;
            else if (section != null && line.startsWith("| `")) {
                tables.computeIfAbsent(section, k -> new TreeSet<>()).add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return tables;
    }
}
