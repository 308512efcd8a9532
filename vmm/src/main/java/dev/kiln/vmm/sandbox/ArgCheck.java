package dev.kiln.vmm.sandbox;

/**
 * One condition on a system call argument: {@code (arg & mask) == value}.
 *
 * <p>Most arguments Kiln checks are C {@code int}s or {@code unsigned int}s (descriptors,
 * ioctl requests, futex operations, signal numbers, socket families): the kernel reads only
 * the low 32 bits of the register, so only those are compared (a caller's garbage in the
 * upper half changes nothing the kernel does, and FFM does not promise to clear it).
 * {@link #equals64} compares a whole 64-bit argument.
 *
 * @param arg the argument, 0..5
 * @param wide whether the upper 32 bits are compared too (mask and value then cover 64 bits)
 * @param mask the bits that matter
 * @param value what those bits must be
 */
public record ArgCheck(int arg, boolean wide, long mask, long value) {
    public ArgCheck {
        if (arg < 0 || arg > 5) throw new IllegalArgumentException("system calls have arguments 0..5, not " + arg);
        if (!wide && ((mask | value) >>> 32) != 0) {
            throw new IllegalArgumentException("a 32-bit check with bits above 31: mask 0x" + Long.toHexString(mask)
                    + ", value 0x" + Long.toHexString(value));
        }
        if ((value & ~mask) != 0) throw new IllegalArgumentException("value has bits outside the mask");
    }

    /** The low 32 bits of the argument equal value (an int, unsigned int or descriptor). */
    public static ArgCheck equals32(int arg, long value) {
        return new ArgCheck(arg, false, 0xffff_ffffL, value & 0xffff_ffffL);
    }

    /** The whole 64-bit argument equals value. */
    public static ArgCheck equals64(int arg, long value) {
        return new ArgCheck(arg, true, -1L, value);
    }

    /** The low 32 bits of the argument, masked, equal value: flags set or clear. */
    public static ArgCheck masked32(int arg, long mask, long value) {
        return new ArgCheck(arg, false, mask, value);
    }

    /** "arg1 == 0xae80", "arg2 & 0x4 == 0x0": for descriptions and error messages. */
    @Override
    public String toString() {
        String lhs = "arg" + arg;
        long full = wide ? -1L : 0xffff_ffffL;
        if (mask != full) lhs += " & 0x" + Long.toHexString(mask);
        return lhs + " == " + (value < 10 && value >= 0 ? Long.toString(value) : "0x" + Long.toHexString(value));
    }
}
