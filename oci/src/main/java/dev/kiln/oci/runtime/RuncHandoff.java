package dev.kiln.oci.runtime;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Containers without a Kiln image (a pod's pause container, any ordinary container) belong to
 * runc: kiln-oci replaces itself with runc (execv: same pid, same stdio and descriptors, same
 * arguments), so the caller cannot tell the difference. $KILN_OCI_RUNC names another runc.
 */
final class RuncHandoff {
    private RuncHandoff() {}

    static Path runc() {
        String env = System.getenv("KILN_OCI_RUNC");
        if (env != null && !env.isEmpty()) return Path.of(env);
        for (String dir : System.getenv().getOrDefault("PATH", "").concat(":/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "runc"))) return Path.of(dir, "runc");
        }
        return null;
    }

    /** Never returns: execs runc, or throws naming what is missing. */
    static void exec(List<String> args, String why) {
        Path runc = runc();
        if (runc == null || !Files.isExecutable(runc)) {
            throw new RuntimeError(why + ", so kiln-oci hands it to runc, but runc is not installed"
                    + " (Debian package runc, or set KILN_OCI_RUNC)");
        }
        List<String> argv = new ArrayList<>();
        argv.add("runc");
        argv.addAll(args);
        System.out.flush();
        System.err.flush();
        int r = Libc.execv(runc.toString(), argv);
        throw new RuntimeError("exec " + runc + ": " + Errno.describe(-r));
    }
}
