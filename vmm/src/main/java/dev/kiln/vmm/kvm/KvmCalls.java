package dev.kiln.vmm.kvm;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.VmmException;

/** KVM ioctls whose failure is the host's problem, not the guest's: they throw {@link VmmException}. */
public final class KvmCalls {
    private KvmCalls() {}

    /** ioctl(fd, request, arg); its non-negative result, or a VmmException "WHAT failed: EINVAL (...)". */
    public static int ioctl(int fd, long request, long arg, String what) {
        int r = Libc.ioctl(fd, request, arg);
        if (r < 0) throw new VmmException(what + " failed: " + Errno.describe(-r));
        return r;
    }
}
