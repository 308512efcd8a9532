import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * java.nio.channels in a native image (NativeNioTest), as ordinary NIO code is written:
 * "echo PORT" is a one-thread Selector echo server (every connection's bytes back, closed after
 * the peer's end of stream); "client HOST PORT" connects without blocking, waits for OP_CONNECT,
 * sends a line and reads the answer through OP_READ until the peer closes; "stop" ends the echo
 * server when a client sends it as a whole line.
 */
public class NioSuite {
    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "echo" -> echo(Integer.parseInt(args[1]));
            case "client" -> client(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static final class Conn {
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        boolean eof;
    }

    static void echo(int port) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("nio ready on " + port);
        int accepted = 0;
        int closed = 0;
        while (true) {
            selector.select();
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                if (k.isAcceptable()) {
                    SocketChannel c;
                    while ((c = server.accept()) != null) {
                        accepted++;
                        c.configureBlocking(false);
                        c.register(selector, SelectionKey.OP_READ, new Conn());
                    }
                    continue;
                }
                SocketChannel c = (SocketChannel) k.channel();
                Conn conn = (Conn) k.attachment();
                if (k.isReadable()) {
                    ByteBuffer b = ByteBuffer.allocate(16384);
                    int n = c.read(b);
                    if (n < 0) {
                        conn.eof = true;
                    } else if (n > 0) {
                        b.flip();
                        if (n == 5 && StandardCharsets.US_ASCII.decode(b.duplicate()).toString().equals("stop\n")) {
                            System.out.println("stopping after " + accepted + " connections, " + closed + " closed");
                            c.close();
                            server.close();
                            selector.close();
                            return;
                        }
                        conn.out.add(b);
                    }
                }
                while (!conn.out.isEmpty()) {
                    ByteBuffer b = conn.out.peek();
                    c.write(b);
                    if (b.hasRemaining()) {
                        break;
                    }
                    conn.out.poll();
                }
                if (conn.out.isEmpty() && conn.eof) {
                    c.close();
                    closed++;
                } else {
                    k.interestOps((conn.eof ? 0 : SelectionKey.OP_READ) | (conn.out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
                }
            }
        }
    }

    static void client(String host, int port) throws IOException {
        Selector selector = Selector.open();
        SocketChannel c = SocketChannel.open();
        c.configureBlocking(false);
        boolean now = c.connect(new InetSocketAddress(host, port));
        System.out.println("connect returned " + now + ", pending " + c.isConnectionPending());
        SelectionKey key = c.register(selector, SelectionKey.OP_CONNECT);
        int n = selector.select();
        System.out.println("select " + n + " connectable " + key.isConnectable());
        System.out.println("finishConnect " + c.finishConnect() + " connected " + c.isConnected());
        selector.selectedKeys().clear();
        ByteBuffer line = ByteBuffer.wrap("hello from a non-blocking channel\n".getBytes(StandardCharsets.US_ASCII));
        while (line.hasRemaining()) {
            c.write(line);
        }
        key.interestOps(SelectionKey.OP_READ);
        ByteBuffer got = ByteBuffer.allocate(1000);
        int reads = 0;
        while (true) {
            selector.select();
            selector.selectedKeys().clear();
            int r = c.read(got);
            if (r < 0) {
                break;
            }
            reads++;
        }
        got.flip();
        System.out.print("answer: " + StandardCharsets.US_ASCII.decode(got));
        System.out.println("read calls with data >= 1: " + (reads >= 1));
        c.close();
        System.out.println("key valid after close: " + key.isValid());
        selector.close();
    }
}
