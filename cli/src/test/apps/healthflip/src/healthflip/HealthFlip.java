package healthflip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.0-style server (one request per connection) on port 80, or argument 1. GET /health
 * answers 200 to health requests 1 to GOOD (argument 2, default 3), 503 to the next BAD
 * (argument 3, default 3), and 200 to every later one; any other path answers 200 "hello".
 * Each answer is also a console line, for the log.
 */
public final class HealthFlip {
    /**
     * A field, not a local of main: TeaVM 0.12.3 compiled a local int counter kept across the
     * suspending accept() and read() to C that read garbage (8940857, 9085529, ... one per
     * request; see the miscompile note in docs/net.md), so the flip never came.
     */
    static int checks;

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        int good = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int bad = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ServerSocket server = new ServerSocket(port, 16)) {
            System.out.println("healthflip listening on port " + port);
            while (true) {
                try (Socket s = server.accept()) {
                    String path = requestPath(s.getInputStream());
                    int status = 200;
                    String body = "hello\n";
                    if (path.equals("/health")) {
                        checks++;
                        status = checks > good && checks <= good + bad ? 503 : 200;
                        body = "check " + checks + "\n";
                        System.out.println("health check " + checks + ": " + status);
                    }
                    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Service Unavailable")
                            + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
                    OutputStream out = s.getOutputStream();
                    out.write((head + body).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    System.out.println("healthflip: connection failed: " + e.getMessage());
                }
            }
        }
    }

    /** The path of the request line; reads up to the end of the headers. */
    static String requestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && head.length() < 8192) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) break;
        }
        String[] parts = head.toString().split(" ", 3);
        return parts.length >= 2 ? parts[1] : "";
    }
}
