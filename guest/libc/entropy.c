/*
 * Hardware entropy for java.security.SecureRandom (libos's dev.kiln.libos.crypto.Entropy): the
 * CPU's RDSEED (entropy straight from its conditioner) or else RDRAND (a DRBG the CPU reseeds),
 * both allowed at CPL 3 and neither a VM exit. ABI v3 gives the guest no random bytes of the
 * monitor's, and a constant seed is no seed: without either instruction Java gets 0 from
 * kiln_entropy_source and refuses to make a SecureRandom.
 */
#include <stdint.h>
#include <kiln/kiln.h>

#define SOURCE_NONE 0
#define SOURCE_RDRAND 1
#define SOURCE_RDSEED 2

static void cpuid(unsigned leaf, unsigned sub, unsigned r[4]) {
    __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

/* CPUID is a VM exit each time: asked once. */
int kiln_entropy_source(void) {
    static int source = -1;
    if (source < 0) {
        unsigned r[4];
        cpuid(0, 0, r);
        unsigned max = r[0];
        source = SOURCE_NONE;
        if (max >= 7 && (cpuid(7, 0, r), r[1] & (1u << 18))) source = SOURCE_RDSEED;
        else if (cpuid(1, 0, r), r[2] & (1u << 30)) source = SOURCE_RDRAND;
    }
    return source;
}

static int rdseed64(uint64_t *v) {
    unsigned char ok;
    __asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
    return ok;
}

static int rdrand64(uint64_t *v) {
    unsigned char ok;
    __asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
    return ok;
}

/*
 * 64 random bits. RDSEED may run dry for a while under load (carry clear: retry, with a pause);
 * RDRAND failing ten times in a row means a broken CPU (Intel's guidance), and the image stops
 * rather than hand out predictable bits.
 */
int64_t kiln_entropy64(void) {
    uint64_t v;
    if (kiln_entropy_source() == SOURCE_RDSEED) {
        for (int i = 0; i < 1000; i++) {
            if (rdseed64(&v)) return (int64_t) v;
            __asm__ volatile("pause");
        }
    }
    for (int i = 0; i < 10; i++) {
        if (rdrand64(&v)) return (int64_t) v;
    }
    kiln_abort("SecureRandom: the CPU's RDSEED and RDRAND gave no random bits");
}
