import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Exceptions thrown after a green thread was suspended (what a socket timeout or a refused
 * connect does in an image): the catch handler and the try-with-resources close must see the
 * locals as they were. TeaVM 0.12.3's spill copies were stale on the resume path (a null
 * resource in the second close), and gcc kept other locals in registers that longjmp does not
 * restore; Kiln made the locals volatile then. TeaVM 0.16.0 backs them up itself.
 */
public class ExceptionAfterSuspension {
    static final class Conn implements AutoCloseable {
        final String name;

        Conn(String name) {
            this.name = name;
        }

        Conn(String name, int port) throws IOException {
            this(name);
            connect(port);
        }

        void connect(int port) throws IOException {
            try {
                Thread.sleep(5); // suspends this green thread in an image
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            }
            if (port == 1) {
                throw new IOException("refused");
            }
            throw new InterruptedIOException("timed out");
        }

        @Override
        public void close() {
            System.out.println("close " + name);
        }
    }

    public static void main(String[] args) throws Exception {
        String host = "10.0.0.1";
        try (Conn c = new Conn(host, 1)) {
            System.out.println("connected?");
        } catch (IOException e) {
            System.out.println("refused: " + e.getClass().getName() + ": " + e.getMessage());
        }
        String other = host.substring(0, host.lastIndexOf('.')) + ".77";
        try (Conn c = new Conn("second")) {
            c.connect(80);
            System.out.println("connected?");
        } catch (InterruptedIOException e) {
            System.out.println("timeout: " + e.getMessage() + " for " + other);
        }
    }
}
