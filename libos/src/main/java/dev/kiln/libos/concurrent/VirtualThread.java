package dev.kiln.libos.concurrent;

/**
 * A virtual thread: in an image every thread is a green thread on the one vCPU, so a virtual
 * thread differs from a platform thread only in what the JDK specifies for it: daemon, unnamed
 * unless named, isVirtual() true (KilnThreads.isVirtual).
 */
public final class VirtualThread extends Thread {
    public VirtualThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }

    @Override
    public String toString() {
        String name = getName();
        return "VirtualThread[#" + getId() + (name.isEmpty() ? "" : "," + name) + "]/"
                + (isAlive() ? "runnable" : "terminated");
    }
}
