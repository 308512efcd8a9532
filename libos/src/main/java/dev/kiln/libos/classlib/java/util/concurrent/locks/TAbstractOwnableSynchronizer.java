package dev.kiln.libos.classlib.java.util.concurrent.locks;

/** The thread that owns a synchronizer exclusively, for AbstractQueuedSynchronizer's subclasses. */
public abstract class TAbstractOwnableSynchronizer implements java.io.Serializable {
    private transient Thread exclusiveOwnerThread;

    protected TAbstractOwnableSynchronizer() {
    }

    protected final void setExclusiveOwnerThread(Thread thread) {
        exclusiveOwnerThread = thread;
    }

    protected final Thread getExclusiveOwnerThread() {
        return exclusiveOwnerThread;
    }
}
