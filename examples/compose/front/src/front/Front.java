package front;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The compose example's front: an HTTP server on port 80 (one connection at a time) whose
 * GET / counts a visit in the kv service and says what kv answered. It finds kv by its
 * service name at every request, as a service should (the name moves when kv is replaced):
 * `front KV_HOST KV_PORT`: KV_HOST (a name) is looked up with InetAddress.getByName, which in a
 * Kiln image asks the resolver of the boot info (on the daemon's bridge: the daemon's resolver
 * of project names); KV_PORT is kv's port. They are arguments, not environment variables:
 * System.getenv sees nothing in a Kiln image yet. State lives in fields, not in locals kept across a blocking call
 * (docs/net.md: a TeaVM miscompile of those).
 */
public final class Front {
    static String kvHost;
    static int kvPort;
    static Socket client;
    static String path;
    static String body;
    static int status;

    private Front() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.out.println("usage: front KV_HOST KV_PORT");
            System.exit(2);
        }
        kvHost = args[0];
        kvPort = Integer.parseInt(args[1]);
        ServerSocket server = new ServerSocket(80, 16);
        System.out.println("front listening on port 80, counting visits in " + kvHost + ":" + kvPort);
        while (true) {
            client = server.accept();
            try {
                serve();
            } catch (IOException e) {
                System.out.println("front: connection ended: " + e.getMessage());
            }
            client.close();
        }
    }

    static void serve() throws IOException {
        path = requestPath(client.getInputStream());
        if (path == null) return;
        if (path.equals("/health")) {
            status = 200;
            body = "ok\n";
        } else if (path.equals("/")) {
            visit();
        } else {
            status = 404;
            body = "no such page\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : status == 404 ? " Not Found" : " Bad Gateway")
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    /** Asks kv, by name, to count this visit. */
    static void visit() {
        try {
            InetAddress kv = InetAddress.getByName(kvHost);
            Socket s = new Socket(kv, kvPort);
            s.getOutputStream().write("INCR visits\n".getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String answer = line(s.getInputStream());
            s.close();
            status = 200;
            body = "visit " + answer + ", counted by " + kvHost + " at " + kv.getHostAddress() + ":" + kvPort + "\n";
            System.out.println("front: " + body.trim());
        } catch (IOException e) {
            status = 502;
            body = "cannot reach " + kvHost + ":" + kvPort + ": " + e.getMessage() + "\n";
            System.out.println("front: " + body.trim());
        }
    }

    /** The path of the request line; the headers are read up to the blank line and dropped. */
    static String requestPath(InputStream in) throws IOException {
        String first = line(in);
        if (first == null) return null;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            // headers: nothing to use
        }
        String[] parts = first.split(" ");
        return parts.length == 3 ? parts[1] : "";
    }

    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') b.append((char) c);
        }
        return c < 0 && b.length() == 0 ? null : b.toString();
    }
}
