package dev.kiln.vmm.device.net;

import dev.kiln.linux.Errno;
import dev.kiln.vmm.hostnet.TapDevice;
import dev.kiln.vmm.memory.GuestRange;

import java.io.IOException;

/**
 * A tap as a net device's backend: one read(2) or write(2) of the tap's non-blocking
 * descriptor per frame, straight from or into guest memory.
 */
public final class TapBackend implements NetBackend {
    private final TapDevice tap;

    public TapBackend(TapDevice tap) {
        this.tap = tap;
    }

    @Override
    public boolean send(GuestRange frame) throws IOException {
        long n = frame.writeTo(tap.fd(), 0, frame.length());
        if (n >= 0) return true;
        // EAGAIN: the tap's queue is full; EIO: the tap is down (no carrier). A wire would lose the frame too.
        if (n == -Errno.EAGAIN || n == -Errno.EINTR || n == -Errno.EIO) return false;
        throw new IOException("write to " + name() + ": " + Errno.describe((int) -n));
    }

    @Override
    public int receive(GuestRange buffer) throws IOException {
        long n = buffer.readFrom(tap.fd(), 0, buffer.length());
        if (n >= 0) return (int) n;
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) return 0;
        throw new IOException("read from " + name() + ": " + Errno.describe((int) -n));
    }

    @Override
    public int pollFd() {
        return tap.fd();
    }

    @Override
    public String name() {
        return "tap " + tap.name();
    }
}
