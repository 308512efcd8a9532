package dev.kiln.vmm.hostnet;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;

import dev.kiln.vmm.sandbox.MonitorThreads;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of one VM that exists only as a file descriptor of this process: a
 * thread unshare(2)s into a fresh namespace and opens /proc/thread-self/ns/net. It has no name
 * under /var/run/netns, so nothing can leak: when the last descriptor into it closes (ours,
 * the tap's, the relay's sockets), also because the process died however it died, the
 * kernel destroys it with everything in it.
 *
 * <p>Code runs inside on dedicated platform threads that setns(2) into it first (setns
 * changes the calling thread only; a socket or tap opened there stays in the namespace);
 * `ip` runs inside through nsenter(1) on /proc/PID/fd/FD.
 */
public final class PrivateNetns implements AutoCloseable {
    private final int fd;
    private volatile boolean closed;

    private PrivateNetns(int fd) {
        this.fd = fd;
    }

    /** Creates the namespace with its loopback up. Needs CAP_SYS_ADMIN (root). */
    public static PrivateNetns create() throws IOException {
        int fd = onFreshThread("kiln-netns-create", () -> {
            Errno.check(Libc.unshare(Libc.CLONE_NEWNET), "unshare(CLONE_NEWNET)");
            return Errno.check(Libc.open("/proc/thread-self/ns/net", Libc.O_RDONLY | Libc.O_CLOEXEC),
                    "open(/proc/thread-self/ns/net)");
        });
        PrivateNetns ns = new PrivateNetns(fd);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Runs `ip args...` inside, failing with its output on a non-zero exit. */
    public String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/proc/" + Libc.getpid() + "/fd/" + fd, "ip"));
        cmd.addAll(List.of(args));
        return NetworkNamespace.run(10, cmd.toArray(new String[0]));
    }

    /** Calls c on a fresh platform thread inside the namespace and waits for it (30 s at most). */
    public <T> T callInside(Callable<T> c) throws IOException {
        return onFreshThread("kiln-netns", () -> {
            enter();
            return c.call();
        });
    }

    /**
     * Starts r on a new daemon platform thread inside the namespace. Safe from a thread confined
     * by a seccomp filter: the new thread is started by an unconfined one and inherits nothing.
     */
    public Thread startInside(String name, Runnable r) {
        return MonitorThreads.start(name, () -> {
            try {
                enter();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            r.run();
        });
    }

    /** Moves the calling thread into the namespace (for good: use a dedicated thread). */
    private void enter() throws IOException {
        if (closed) throw new IOException("the VM's network namespace is closed");
        Errno.check(Libc.setns(fd, Libc.CLONE_NEWNET), "setns(CLONE_NEWNET)");
    }

    private static <T> T onFreshThread(String name, Callable<T> c) throws IOException {
        FutureTask<T> task = new FutureTask<>(c);
        Thread t = Thread.ofPlatform().name(name).daemon().start(task);
        try {
            T result = task.get(30, TimeUnit.SECONDS);
            t.join();
            return result;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause().toString(), e.getCause());
        } catch (Exception e) {
            throw new IOException(name + ": " + e, e);
        }
    }

    /** Drops our reference; the kernel destroys the namespace once nothing else holds it. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
