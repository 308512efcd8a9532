package dev.kiln.cli;

import dev.kiln.vmm.Kvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The individual checks of `kiln doctor`; each returns a description or throws with the problem. */
public final class Checks {
    private Checks() {}

    static String jdk() {
        Runtime.Version v = Runtime.version();
        if (v.feature() < 25) throw new IllegalStateException("JDK " + v + " is too old: Kiln needs JDK 25 (FFM API)");
        return "JDK " + v + " at " + System.getProperty("java.home");
    }

    static String toolVersion(String tool, String flag) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(tool, flag).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(tool + " not found on PATH (Debian: apt-get install " + tool + ")");
        }
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IllegalStateException(tool + " " + flag + " failed");
        return first;
    }

    static String kvm() {
        try (Kvm kvm = Kvm.open()) {
            return "KVM API " + kvm.apiVersion() + ", " + kvm.supportedCpuidEntries() + " CPUID entries";
        }
    }

    /** The commands of the list that are not executable in PATH or the usual system directories. */
    public static java.util.List<String> missingCommands(String... commands) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String c : commands) {
            boolean found = false;
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, c))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.add(c);
            }
        }
        return missing;
    }
}
