package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The "done when" for com.sun.net.httpserver: `kiln build` of a program written against the
 * JDK's HTTP server API (cli/src/test/apps/jdkhttp, unchanged Java) gives an image that serves the
 * real curl through `kiln run -p`: GET, POST with a body, two requests on one connection, a chunked
 * response, HEAD, the server's 404 for a path no context has; then /stop makes the server stop and
 * the program end, exit status 0. Once with exchanges on the dispatcher (no executor) and once with
 * an Executor that starts a thread per exchange.
 */
class NativeHttpServerTest {
    @Test
    void theDispatcherThreadServesCurl() throws Exception {
        serve(List.of(), "HTTP-Dispatcher");
    }

    @Test
    void anExecutorServesCurl() throws Exception {
        serve(List.of("--", "80", "executor"), "Thread-");
    }

    private static void serve(List<String> args, String handlerThread) throws Exception {
        ServiceImages.requireNetFlags();
        Tools.require("curl");
        Path image = ServiceImages.image("cli/src/test/apps/jdkhttp");
        int port = Tools.freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> cmd = new java.util.ArrayList<>(ServiceImages.kiln("run", "-p", port + ":80", image.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        NetNs.Bg kiln = new NetNs.Bg(pb.start());
        try {
            kiln.await("jdkhttp listening on port 80", 60_000);
            String log = "\n--- kiln:\n";

            Tools.Result get = Tools.run(90, "curl", "-sS", "-i", "-m", "60", base + "/hello?x=1");
            assertEquals(0, get.status(), get.output() + log + kiln.output());
            assertTrue(get.output().startsWith("HTTP/1.1 200 OK\r\n"), get.output());
            String body = get.output().substring(get.output().indexOf("\r\n\r\n") + 4);
            assertTrue(get.output().contains("\r\nContent-length: " + body.length() + "\r\n"), get.output());
            assertTrue(get.output().matches("(?s).*\r\nDate: [A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT\r\n.*"),
                    get.output());
            assertTrue(get.output().contains("\r\n\r\nhello from com.sun.net.httpserver: GET /hello?x=1 request 1 on "
                    + handlerThread), get.output());

            Tools.Result post = Tools.run(90, "curl", "-sS", "-m", "60", "--data-binary", "a POST body", base + "/echo");
            assertEquals("echo 11 bytes: a POST body\n", post.output());

            // Two URLs: curl keeps the connection (num_connects 1, then 0) and both are answered.
            Tools.Result two = Tools.run(90, "curl", "-sS", "-m", "60", "-w", "[%{num_connects}]\\n",
                    base + "/hello", base + "/hello");
            assertTrue(two.output().matches("(?s)hello from .*GET /hello request 2 on [^\n]*\n\\[1]\n"
                    + "hello from .*GET /hello request 3 on [^\n]*\n\\[0]\n"), two.output());

            Tools.Result chunked = Tools.run(90, "curl", "-sS", "-i", "--raw", "-m", "60", base + "/chunked");
            assertTrue(chunked.output().contains("\r\nTransfer-encoding: chunked\r\n"), chunked.output());
            assertTrue(chunked.output().endsWith("\r\n\r\n8\r\nchunk 0\n\r\n8\r\nchunk 1\n\r\n8\r\nchunk 2\n\r\n"
                    + "8\r\nchunk 3\n\r\n8\r\nchunk 4\n\r\n0\r\n\r\n"), chunked.output());

            Tools.Result head = Tools.run(90, "curl", "-sS", "-I", "-m", "60", base + "/hello");
            assertTrue(head.output().startsWith("HTTP/1.1 200 OK\r\n"), head.output());
            assertTrue(head.output().endsWith("\r\n\r\n") && !head.output().contains("hello from"), head.output());

            Tools.Result missing = Tools.run(90, "curl", "-sS", "-i", "-m", "60", base + "/nothing/here");
            assertTrue(missing.output().startsWith("HTTP/1.1 404 Not Found\r\n"), missing.output());
            assertTrue(missing.output().endsWith("\r\n\r\n<h1>404 Not Found</h1>No context found for request"),
                    missing.output());

            Tools.Result stop = Tools.run(90, "curl", "-sS", "-m", "60", "-X", "POST", base + "/stop");
            assertEquals("stopping\n", stop.output());
            assertTrue(kiln.process.waitFor(60, TimeUnit.SECONDS), "the program ends once its server stopped:\n"
                    + kiln.output());
            assertEquals(0, kiln.process.exitValue(), kiln.output());
        } finally {
            kiln.stop();
        }
        System.out.println("[svc] com.sun.net.httpserver image served curl (" + handlerThread + ")");
    }
}
