package dev.kiln.libos.net;

import dev.kiln.libos.socket.Network;
import dev.kiln.libos.socket.ThreadBlocker;
import dev.kiln.vmm.hostnet.TapDevice;
import java.io.IOException;

/**
 * Drives a {@link TapHarness}'s stack from a thread of its own, so that the java.net classes
 * can block on other threads: frames from the tap and the timers under the blocker's lock, then
 * a signal to every waiting thread. Installs the network for the socket classes while it runs.
 */
final class StackPump implements AutoCloseable {
    final ThreadBlocker blocker = new ThreadBlocker();
    final Network network;
    private final TapHarness h;
    private final Thread thread;
    private volatile boolean stop;
    private volatile Throwable failure;

    StackPump(TapHarness h) {
        this.h = h;
        this.network = new Network(h.stack, System::nanoTime, blocker);
        Network.install(network);
        thread = Thread.ofPlatform().name("stack-pump").daemon().start(this::loop);
    }

    private void loop() {
        byte[] rx = new byte[TapDevice.MAX_FRAME];
        try {
            while (!stop) {
                int frames = 0;
                blocker.lock.lock();
                try {
                    int n;
                    while (frames < 256 && (n = h.tap.read(rx)) > 0) {
                        h.stack.receive(rx, n);
                        frames++;
                    }
                    h.stack.poll(System.nanoTime());
                    blocker.changed.signalAll();
                } finally {
                    blocker.lock.unlock();
                }
                if (frames == 0) {
                    h.tap.awaitReadable(1);
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            blocker.driverFailed(e); // blocked socket calls fail with this, not with a timeout
        }
    }

    @Override
    public void close() throws Exception {
        stop = true;
        thread.join(5000);
        Network.install(null);
        if (failure != null) {
            throw new AssertionError("the stack pump failed", failure);
        }
    }
}
