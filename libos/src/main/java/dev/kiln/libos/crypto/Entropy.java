package dev.kiln.libos.crypto;

import org.teavm.interop.Import;

/** The CPU's random bits (guest/libc/entropy.c: RDSEED, else RDRAND), the only entropy an image has. */
public final class Entropy {
    private Entropy() {
    }

    /** Fills {@code out} with hardware random bytes; fails loudly on a CPU without RDSEED or RDRAND. */
    public static void fill(byte[] out) {
        if (source() == 0) {
            throw new IllegalStateException("SecureRandom: this CPU has neither RDSEED nor RDRAND, and the"
                    + " monitor's ABI gives no random bytes: no entropy source to seed it from");
        }
        for (int i = 0; i < out.length; i += 8) {
            long bits = next64();
            for (int j = i; j < Math.min(i + 8, out.length); j++) {
                out[j] = (byte) bits;
                bits >>>= 8;
            }
        }
    }

    @Import(name = "kiln_entropy_source")
    private static native int source();

    @Import(name = "kiln_entropy64")
    private static native long next64();
}
