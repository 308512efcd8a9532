package httpserver;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An HTTP/1.1 server on plain java.net: one ServerSocket, a thread per connection (a green
 * thread in a Kiln image, a platform thread on HotSpot), no dependencies, so the same code runs
 * unchanged on both. The port is the first argument, else the PORT environment variable, else 80.
 */
public final class HttpServer {
    /** A connection idle this long between requests is closed, so dead peers cannot pin threads. */
    static final int IDLE_TIMEOUT_MS = 30_000;

    private HttpServer() {}

    public static void main(String[] args) throws IOException {
        int port = port(args);
        ServerStats stats = new ServerStats();
        Routes routes = new Routes(stats);
        try (ServerSocket server = new ServerSocket(port, 128)) {
            System.out.println("http-server listening on port " + port);
            while (true) {
                Socket s = server.accept();
                stats.connectionOpened();
                Thread t = new Thread(new HttpConnection(s, routes, stats), "http-" + stats.connectionsAccepted());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    static int port(String[] args) {
        String text = args.length > 0 ? args[0] : System.getenv("PORT");
        if (text == null || text.isEmpty()) {
            return 80;
        }
        int p;
        try {
            p = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            System.err.println("http-server: bad port '" + text + "' (1 to 65535)");
            System.exit(2);
        }
        return p;
    }
}
