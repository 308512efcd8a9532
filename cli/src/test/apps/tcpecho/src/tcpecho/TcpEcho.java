package tcpecho;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * TCP echo on plain java.net, a thread per connection: what a client sends comes back byte for
 * byte, and the end of its data (half-close) ends the echo, so a client can check both
 * directions of a large transfer through an image with one SHA-256 each way.
 */
public final class TcpEcho {
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        try (ServerSocket server = new ServerSocket(port, 16)) {
            System.out.println("tcpecho listening on port " + port);
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> echo(s));
                t.setDaemon(true);
                t.start();
            }
        }
    }

    static void echo(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[65536];
            int n;
            long total = 0;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                total += n;
            }
            out.flush();
            s.shutdownOutput();
            System.out.println("tcpecho: echoed " + total + " bytes");
        } catch (IOException e) {
            System.out.println("tcpecho: connection ended: " + e);
        }
    }
}
