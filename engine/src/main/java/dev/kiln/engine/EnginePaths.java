package dev.kiln.engine;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.nio.file.Path;

/**
 * Where the daemon keeps its state and its socket, shared by the daemon and the client so
 * both find the same place:
 * <ul>
 *   <li>root: /var/lib/kiln and /run/kiln/kiln.sock;</li>
 *   <li>a user: $XDG_STATE_HOME/kiln (default ~/.local/state/kiln) and $XDG_RUNTIME_DIR/kiln/kiln.sock.</li>
 * </ul>
 * KILN_STATE_DIR and KILN_HOST (unix:///PATH) override them, and so do --state-dir and --host.
 */
public final class EnginePaths {
    public static final String HOST_ENV = "KILN_HOST", STATE_DIR_ENV = "KILN_STATE_DIR";

    private EnginePaths() {}

    public static boolean isRoot() {
        return NetworkNamespace.isRoot();
    }

    public static Path stateDir(Path option) {
        if (option != null) return option.toAbsolutePath();
        String env = System.getenv(STATE_DIR_ENV);
        if (env != null && !env.isEmpty()) return Path.of(env).toAbsolutePath();
        if (isRoot()) return Path.of("/var/lib/kiln");
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && xdg.startsWith("/")) return Path.of(xdg, "kiln");
        return Path.of(System.getProperty("user.home"), ".local", "state", "kiln");
    }

    /** The socket from --host (or KILN_HOST), else the default; IllegalArgumentException for anything but unix:///PATH. */
    public static Path socket(String hostOption) {
        String host = hostOption != null ? hostOption : System.getenv(HOST_ENV);
        if (host != null && !host.isEmpty()) return parseHost(host);
        if (isRoot()) return Path.of("/run/kiln/kiln.sock");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime == null || !runtime.startsWith("/")) {
            throw new IllegalArgumentException("XDG_RUNTIME_DIR is not set, so there is no default socket for a user's"
                    + " daemon: pass --host unix:///PATH (or set KILN_HOST)");
        }
        return Path.of(runtime, "kiln", "kiln.sock");
    }

    public static Path parseHost(String host) {
        if (!host.startsWith("unix://")) {
            throw new IllegalArgumentException("'" + host + "' is not unix:///PATH: the daemon listens only on a unix socket"
                    + " (there is no TCP API)");
        }
        String path = host.substring("unix://".length());
        if (!path.startsWith("/")) throw new IllegalArgumentException("'" + host + "': the socket path must be absolute (unix:///PATH)");
        return Path.of(path);
    }

    /** The --host text of a socket: unix:///PATH. */
    public static String hostText(Path socket) {
        return "unix://" + socket;
    }
}
