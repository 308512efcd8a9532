package dev.kiln.linux;

/**
 * errno values and their names, for the results of {@link Libc}'s calls (-errno on failure).
 */
public final class Errno {
    public static final int EPERM = 1, ENOENT = 2, EINTR = 4, EIO = 5, E2BIG = 7, EBADF = 9, EAGAIN = 11,
            ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, ENODEV = 19, EINVAL = 22, ENOSYS = 38;

    private Errno() {}

    /** "EPERM (Operation not permitted)"; "errno 1234 (Unknown error 1234)" for a number libc does not know. */
    public static String describe(int errno) {
        String name = Libc.strerrorname(errno);
        return (name != null ? name : "errno " + errno) + " (" + Libc.strerror(errno) + ")";
    }

    /** Returns {@code result} when it is not negative, else throws for the errno it carries. */
    public static long check(long result, String call) throws ErrnoException {
        if (result < 0) throw new ErrnoException(call, (int) -result);
        return result;
    }

    /** Returns {@code result} when it is not negative, else throws for the errno it carries. */
    public static int check(int result, String call) throws ErrnoException {
        if (result < 0) throw new ErrnoException(call, -result);
        return result;
    }
}
