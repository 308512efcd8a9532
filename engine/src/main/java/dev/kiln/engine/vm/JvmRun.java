package dev.kiln.engine.vm;

import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.engine.logs.LogStore;
import dev.kiln.engine.net.GuestEndpoint;
import dev.kiln.jvm.qemu.QemuRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A jvm-flavor VM under the daemon: its image (a Linux kernel and a jlinked JDK) boots on QEMU,
 * a child process of the daemon, through the same runner as kiln run. What the image bakes in
 * (memory, environment, arguments) cannot be given at create, and it lives on QEMU's own user
 * network: -p forwards 127.0.0.1 ports into it, which is also how health checks reach it.
 */
final class JvmRun {
    private JvmRun() {}

    /** The options a jvm VM cannot take, refused at create with one line (IllegalArgumentException). */
    static void check(VmDefinition def) {
        if (def.memoryMb() != null || !def.env().isEmpty() || !def.args().isEmpty()) {
            throw new IllegalArgumentException("--mem, --env and ARGS are baked into a jvm image: pass them to kiln build"
                    + " --flavor jvm (--memory, --env, --arg)");
        }
        if (def.network() != null || !def.aliases().isEmpty()) {
            throw new IllegalArgumentException("a jvm image runs on QEMU's own network, reached through -p:"
                    + " --network and --network-alias are for native images");
        }
        if (def.health() != null && hostPort(def, def.health().port()) == null) {
            throw new IllegalArgumentException("the health check of a jvm image reaches its port " + def.health().port()
                    + " through -p: publish it (-p HOSTPORT:" + def.health().port() + ")");
        }
    }

    /** Health checks reach the guest's port through its published 127.0.0.1 port. */
    static GuestEndpoint endpoint(VmDefinition def) {
        return port -> {
            Integer host = hostPort(def, port);
            if (host == null) throw new IllegalArgumentException("guest port " + port + " is not published");
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), host);
        };
    }

    private static Integer hostPort(VmDefinition def, int guestPort) {
        return def.ports().stream().filter(p -> p.guestPort() == guestPort).map(PortMapping::hostPort).findFirst().orElse(null);
    }

    /**
     * Boots the image and returns when QEMU has exited: console lines go to the VM's log as a
     * native guest's do, the runner's own lines as kiln notes; {@code started} gets the handle
     * that stops (SIGTERM to the app) and kills it once QEMU runs. The daemon's own signals stay
     * its own.
     */
    static QemuRunner.Result run(Path image, VmDefinition def, LogStore logs, Consumer<QemuRunner.Running> started)
            throws IOException {
        PrintStream out = new PrintStream(logs.console(), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new NoteLines(logs), true, StandardCharsets.UTF_8);
        var publish = def.ports().stream().map(p -> new QemuRunner.PortMapping(p.hostPort(), p.guestPort())).toList();
        return QemuRunner.run(image, new QemuRunner.Options(publish, null, QemuRunner.Accel.AUTO, false, out, err, null,
                started, false));
    }

    /** The runner's messages ("kiln: run: ...") as notes of the VM's log, a line each. */
    private static final class NoteLines extends OutputStream {
        private final LogStore logs;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        NoteLines(LogStore logs) {
            this.logs = logs;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                logs.note(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (line.size() < 4096) {
                line.write(b);
            }
        }
    }
}
