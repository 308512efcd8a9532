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
        int port = port(args.length > 0 ? args[0] : System.getenv("PORT"), 80);
        if (port < 0) {
            System.err.println("http-server: the port must be a number from 1 to 65535");
            System.exit(2);
        }
        ServerStats stats = new ServerStats();
        Routes routes = new Routes(stats);
        // Never closed: the server runs until the VM or process is stopped.
        ServerSocket server = new ServerSocket(port, 128);
        System.out.println("http-server listening on port " + port);
        while (true) {
            Socket s = server.accept();
            stats.connectionOpened();
            Thread t = new Thread(new HttpConnection(s, routes, stats));
            t.setDaemon(true);
            t.start();
        }
    }

    /** The port in text (null or empty: the default), or -1 if it is not 1 to 65535. */
    static int port(String text, int dflt) {
        if (text == null || text.isEmpty()) {
            return dflt;
        }
        int p = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || (p = p * 10 + (c - '0')) > 65535) {
                return -1;
            }
        }
        return p == 0 ? -1 : p;
    }
}
