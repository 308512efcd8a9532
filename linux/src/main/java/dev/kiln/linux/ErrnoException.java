package dev.kiln.linux;

import java.io.IOException;

/** A libc call failed: "open(/dev/net/tun) failed: ENOENT (No such file or directory)". */
public final class ErrnoException extends IOException {
    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Errno.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
