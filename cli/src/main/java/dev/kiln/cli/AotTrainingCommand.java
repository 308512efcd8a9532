package dev.kiln.cli;

import dev.kiln.engine.api.ApiError;
import dev.kiln.engine.api.ApiJson;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The training runs of the CLI's AOT caches (JDK 25, -XX:AOTCacheOutput; the ./kiln launcher runs
 * them when a cache is missing or older than the jars, their output discarded). Each walks the
 * path a new `kiln` process takes to its first useful work, so that its classes are then loaded
 * and linked from the cache at every start:
 * <ul>
 *   <li>{@code run}: a plain `kiln run` of the C hello guest on a real VM ({@link PlainRun}: no
 *       picocli, and {@link Main#execute} starts this training without it too): the monitor, KVM
 *       through FFM, the ELF loader, the console;</li>
 *   <li>{@code client}: `kiln run -d` through the daemon client up to the daemon's answer: the
 *       HTTP client on a unix socket and the API's JSON. No daemon is started: a socket of this
 *       run's own refuses every request, as a daemon does a bad one.</li>
 * </ul>
 * Two caches, not one: the JVM loads every class of its cache at start, so the HTTP client's and
 * JSON's classes would cost `kiln run` more than they save it (measured: a cache of both paths
 * made `kiln run` spend 80 ms more CPU than a cache of its own). A step that cannot run here (no
 * /dev/kvm) is left out of the cache, not an error: the cache only makes starts faster.
 */
@Command(name = "aot-train", hidden = true,
        description = "Walk the start paths of kiln's commands for its AOT cache (the launcher runs this).")
final class AotTrainingCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "run or client")
    String path;

    /** `kiln aot-train run`, which {@link Main#execute} starts without picocli. */
    static boolean isRunTraining(String[] args) {
        return args.length == 2 && args[0].equals("aot-train") && args[1].equals("run");
    }

    /** The run path: a plain `kiln run` of the C hello guest ({@link PlainRun}, no picocli). */
    static int trainRun() {
        execute("run", KilnHome.guest("tests/hello.elf").toString());
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        Path hello = KilnHome.guest("tests/hello.elf");
        switch (path) {
            case "run" -> trainRun();
            case "client" -> client(hello);
            default -> throw new UserError("aot-train trains run or client, not '" + path + "'");
        }
        return 0;
    }

    private static void client(Path hello) throws IOException {
        Path dir = Files.createTempDirectory("kiln-aot-train");
        Path socket = dir.resolve("refusing.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread refuser = Thread.ofPlatform().daemon().name("aot-train-refuser").start(() -> refuseAll(server));
            execute("run", "-d", "--host", "unix://" + socket, "--name", "train", hello.toString());
            refuser.interrupt();
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    private static void execute(String... args) {
        Main.execute(args);
    }

    /** Answers each request with 400 and the API's error body, as the daemon answers a request it refuses. */
    private static void refuseAll(ServerSocketChannel server) {
        try {
            byte[] body = ApiJson.mapper().writeValueAsBytes(new ApiError("refused: this is kiln's AOT training run"));
            byte[] head = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                try (SocketChannel c = server.accept()) {
                    readHeaders(c);
                    c.write(ByteBuffer.wrap(head));
                    c.write(ByteBuffer.wrap(body));
                }
            }
        } catch (IOException e) {
            // the socket closed: training is over
        }
    }

    /** Reads up to the blank line that ends a request's headers (the requests of this run have small bodies or none). */
    private static void readHeaders(SocketChannel c) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (buf.hasRemaining() && c.read(buf) >= 0) {
            String seen = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            if (seen.contains("\r\n\r\n")) return;
        }
    }
}
