package dev.kiln.vmm.sandbox;

/**
 * What a seccomp filter returns for a call: the SECCOMP_RET_* values of
 * {@code <linux/seccomp.h>} (checked against the header by SyscallTest).
 *
 * @param value the 32-bit return value of the BPF program
 */
public record FilterAction(int value) {
    /** The whole process dies with SIGSYS, as if by a signal it cannot catch (Firecracker's choice). */
    public static final FilterAction KILL_PROCESS = new FilterAction(0x8000_0000);
    /** The call runs, and the kernel logs it (an audit record, type=1326, in the kernel log). */
    public static final FilterAction LOG = new FilterAction(0x7ffc_0000);
    public static final FilterAction ALLOW = new FilterAction(0x7fff_0000);
    private static final int RET_ERRNO = 0x0005_0000;

    /** The call fails with this errno without reaching the kernel proper (the filter's tests use it). */
    public static FilterAction errno(int errno) {
        if (errno < 1 || errno > 4095) throw new IllegalArgumentException("errno " + errno + " is outside 1..4095");
        return new FilterAction(RET_ERRNO | errno);
    }

    @Override
    public String toString() {
        if (equals(KILL_PROCESS)) return "kill the process";
        if (equals(LOG)) return "log and allow";
        if (equals(ALLOW)) return "allow";
        if ((value & 0xffff_0000) == RET_ERRNO) return "fail with errno " + (value & 0xffff);
        return "action 0x" + Integer.toHexString(value);
    }
}
