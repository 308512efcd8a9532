import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** Selector, SelectionKey and an unconnected SocketChannel without a network: states, interest sets and the exceptions of misuse. */
public class NetSelectorBasics {
    public static void main(String[] args) throws Exception {
        System.out.println(SelectionKey.OP_READ + " " + SelectionKey.OP_WRITE + " " + SelectionKey.OP_CONNECT + " "
                + SelectionKey.OP_ACCEPT);
        Selector sel = Selector.open();
        System.out.println("open " + sel.isOpen() + " keys " + sel.keys().size() + " selectNow " + sel.selectNow());
        sel.wakeup();
        System.out.println("select after wakeup " + sel.select());
        System.out.println("select(1) " + sel.select(1));
        SocketChannel ch = SocketChannel.open();
        System.out.println("blocking " + ch.isBlocking() + " connected " + ch.isConnected() + " pending "
                + ch.isConnectionPending() + " validOps " + ch.validOps() + " registered " + ch.isRegistered());
        try {
            ch.register(sel, SelectionKey.OP_READ);
        } catch (IllegalBlockingModeException e) {
            System.out.println("IllegalBlockingModeException");
        }
        try {
            ch.read(ByteBuffer.allocate(4));
        } catch (NotYetConnectedException e) {
            System.out.println("NotYetConnectedException");
        }
        ch.configureBlocking(false);
        SelectionKey k = ch.register(sel, SelectionKey.OP_CONNECT, "attached");
        System.out.println("registered " + ch.isRegistered() + " interest " + k.interestOps() + " attachment "
                + k.attachment() + " same key " + (ch.keyFor(sel) == k) + " valid " + k.isValid());
        k.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        System.out.println("interest " + k.interestOps() + " or " + k.interestOpsOr(SelectionKey.OP_CONNECT) + " -> "
                + k.interestOps() + " and " + k.interestOpsAnd(SelectionKey.OP_READ) + " -> " + k.interestOps());
        try {
            k.interestOps(SelectionKey.OP_ACCEPT);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException for OP_ACCEPT");
        }
        try {
            ch.configureBlocking(true);
        } catch (IllegalBlockingModeException e) {
            System.out.println("IllegalBlockingModeException while registered");
        }
        System.out.println("selectNow " + sel.selectNow() + " selected " + sel.selectedKeys().size());
        k.cancel();
        System.out.println("valid " + k.isValid() + " keys before selection " + sel.keys().size());
        sel.selectNow();
        System.out.println("keys after selection " + sel.keys().size());
        ch.close();
        System.out.println("open " + ch.isOpen());
        try {
            ch.configureBlocking(true);
        } catch (ClosedChannelException e) {
            System.out.println("ClosedChannelException");
        }
        sel.close();
        System.out.println("selector open " + sel.isOpen());
        try {
            sel.keys();
        } catch (ClosedSelectorException e) {
            System.out.println("ClosedSelectorException");
        }
        try {
            sel.selectNow();
        } catch (ClosedSelectorException e) {
            System.out.println("ClosedSelectorException");
        }
    }
}
