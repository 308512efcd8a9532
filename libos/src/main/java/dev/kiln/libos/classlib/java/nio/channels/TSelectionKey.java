package dev.kiln.libos.classlib.java.nio.channels;

/**
 * java.nio.channels.SelectionKey in native images: a channel's registration with a selector, its
 * interest set and the ready set the last selection found. (Abstract in the JDK, with the
 * implementation behind a provider; here the one implementation.)
 */
public class TSelectionKey {
    public static final int OP_READ = 1;
    public static final int OP_WRITE = 4;
    public static final int OP_CONNECT = 8;
    public static final int OP_ACCEPT = 16;

    private final TSelectableChannel channel;
    private final TSelector selector;
    private volatile int interestOps;
    int readyOps;
    private volatile boolean valid = true;
    private volatile Object attachment;

    TSelectionKey(TSelectableChannel channel, TSelector selector, int ops, Object att) {
        this.channel = channel;
        this.selector = selector;
        this.interestOps = ops;
        this.attachment = att;
    }

    public TSelectableChannel channel() {
        return channel;
    }

    public TSelector selector() {
        return selector;
    }

    public boolean isValid() {
        return valid;
    }

    /** Cancels the registration: the selector drops the key at its next selection. */
    public void cancel() {
        if (valid) {
            valid = false;
            selector.cancelled(this);
        }
    }

    public int interestOps() {
        checkValid();
        return interestOps;
    }

    public TSelectionKey interestOps(int ops) {
        checkValid();
        if ((ops & ~channel.validOps()) != 0) {
            throw new IllegalArgumentException("Invalid interest ops: " + ops);
        }
        interestOps = ops;
        selector.interestChanged();
        return this;
    }

    public int interestOpsOr(int ops) {
        int old = interestOps();
        interestOps(old | ops);
        return old;
    }

    public int interestOpsAnd(int ops) {
        int old = interestOps();
        interestOps(old & ops);
        return old;
    }

    public int readyOps() {
        checkValid();
        return readyOps;
    }

    public final boolean isReadable() {
        return (readyOps() & OP_READ) != 0;
    }

    public final boolean isWritable() {
        return (readyOps() & OP_WRITE) != 0;
    }

    public final boolean isConnectable() {
        return (readyOps() & OP_CONNECT) != 0;
    }

    public final boolean isAcceptable() {
        return (readyOps() & OP_ACCEPT) != 0;
    }

    public final Object attach(Object ob) {
        Object old = attachment;
        attachment = ob;
        return old;
    }

    public final Object attachment() {
        return attachment;
    }

    private void checkValid() {
        if (!valid) {
            throw new TCancelledKeyException();
        }
    }

    @Override
    public String toString() {
        return "channel=" + channel + ", selector=" + selector
                + (valid ? ", interestOps=" + interestOps + ", readyOps=" + readyOps : ", invalid");
    }
}
