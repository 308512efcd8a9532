package dev.kiln.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kiln bench oci` end to end, one pod of each side through containerd's CRI: both start and
 * answer (the HotSpot one lost Kiln's API from its class path once and the bench only failed
 * when someone ran it), and it ends with its summary line. The figures are printed, never judged.
 */
class BenchOciTest {
    @Test
    void benchOciEndsWithItsSummaryLine() throws Exception {
        Tools.require("containerd", "ctr", "runc", "catatonit", "nsenter");
        if (!Files.isExecutable(Path.of("/usr/lib/cni/bridge"))) {
            throw new AssertionError("prerequisite missing: /usr/lib/cni/bridge (Debian package containernetworking-plugins)");
        }
        KilnOciLauncher.path(); // the launcher's JDK and AOT cache, as the other OCI tests have them
        var r = KilnProcess.run("bench", "oci", "--runs", "1");
        assertEquals(0, r.exitStatus(), r.toString());
        List<String> lines = r.stdout().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("oci kiln_start_ms=\\d+ runc_start_ms=\\d+ kiln_host_mib=\\d+ runc_host_mib=\\d+"), r.toString());
        System.out.println("[bench-oci] " + last);
    }
}
