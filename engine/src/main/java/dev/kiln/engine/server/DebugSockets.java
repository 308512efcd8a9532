package dev.kiln.engine.server;

import dev.kiln.engine.api.VmNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the daemon's VMs' GDB stubs listen (kiln debug NAME): unix sockets in the directory of
 * the daemon's own socket, with its access rules ({@link SocketAccess}), since a debugger may
 * read and write all of a guest's memory: whoever may use the API may debug, and nobody else.
 * Never a TCP port. A VM's socket is named by its short id (the 12 digits `kiln ps` shows; the
 * full id would not fit a unix socket's 107-byte path in many directories).
 *
 * @param dir the daemon socket's directory
 * @param access the daemon socket's access rules
 * @param log the daemon's log
 */
record DebugSockets(Path dir, SocketAccess access, Consumer<String> log) {
    Path socketFor(String vmId) {
        return dir.resolve("gdb-" + VmNames.shortId(vmId) + ".sock");
    }

    void secure(Path socket) throws IOException {
        access.apply(socket, log);
    }
}
