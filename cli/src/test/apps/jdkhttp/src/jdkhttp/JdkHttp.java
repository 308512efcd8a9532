package jdkhttp;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An everyday com.sun.net.httpserver program, as a Java developer writes one: a page (with a
 * request counter kept by a filter), an echo of POST bodies, a chunked response, and /stop, which
 * stops the server so that the program ends (any other path: the server's 404). Runs unchanged on HotSpot
 * (java -cp CLASSES jdkhttp.JdkHttp 8080) and as a Kiln image. Arguments: the port (default 80)
 * and "executor" to run exchanges on a thread each instead of the dispatcher.
 */
public final class JdkHttp {
    private static int requests;

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/hello", JdkHttp::page).getFilters().add(Filter.beforeHandler("count", x -> requests++));
        server.createContext("/echo", JdkHttp::echo);
        server.createContext("/chunked", JdkHttp::chunked);
        server.createContext("/stop", x -> {
            send(x, 200, "stopping\n");
            new Thread(() -> server.stop(1)).start();
        });
        if (args.length > 1 && args[1].equals("executor")) {
            server.setExecutor(task -> new Thread(task).start());
        }
        server.start();
        System.out.println("jdkhttp listening on port " + server.getAddress().getPort());
    }

    private static void page(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(x, 200, "hello from com.sun.net.httpserver: " + x.getRequestMethod() + " " + x.getRequestURI()
                + " request " + requests + " on " + Thread.currentThread().getName() + "\n");
    }

    private static void echo(HttpExchange x) throws IOException {
        if (!x.getRequestMethod().equals("POST")) {
            x.getResponseHeaders().set("Allow", "POST");
            x.sendResponseHeaders(405, -1);
            x.close();
            return;
        }
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        send(x, 200, "echo " + body.length + " bytes: " + new String(body, StandardCharsets.UTF_8) + "\n");
    }

    private static void chunked(HttpExchange x) throws IOException {
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            for (int i = 0; i < 5; i++) {
                out.write(("chunk " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
    }

    private static void send(HttpExchange x, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : b.length);
        try (OutputStream out = x.getResponseBody()) {
            if (!head) {
                out.write(b);
            }
        }
    }
}
