import java.nio.channels.SocketChannel;

/** A channel's class is not HotSpot's sun.nio.ch.SocketChannelImpl (toString() shows the same text). */
public class DiffChannelToString {
    public static void main(String[] args) throws Exception {
        try (SocketChannel ch = SocketChannel.open()) {
            System.out.println(ch + " " + ch.getClass().getName());
        }
        System.out.println("end of DiffChannelToString");
    }
}
