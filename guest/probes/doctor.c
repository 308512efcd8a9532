/*
 * `kiln doctor`'s probe: measures from inside a guest how fast CPL-3 code runs
 * and what one exit to the monitor costs, with the TSC. It prints one line:
 *   probe loop_ps=P exits=N exit_ns=E check=X
 * The loop is a dependent multiply-add chain (an LCG) that no CPU can run in
 * parallel and no compiler can remove (the result is printed), so the same loop
 * on the host (the doctor runs it in Java) gives the native figure to compare with.
 */
#include <kiln/kiln.h>

#define LOOP_ITERATIONS 50000000ull
#define EXITS 2000ull

__attribute__((noinline)) static uint64_t lcg_chain(uint64_t x, uint64_t n) {
    for (uint64_t i = 0; i < n; i++) x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x;
}

static uint64_t tsc_to_ps(uint64_t ticks) {
    /* ticks * 1e9 / khz = picoseconds; ticks stay below 2^64 / 1e9 for the few seconds measured */
    return ticks * 1000000000ull / kiln_boot_info()->tsc_khz;
}

int main(int argc, char **argv, char **envp) {
    (void)argv; (void)envp;
    uint64_t t0 = kiln_rdtsc();
    uint64_t check = lcg_chain((uint64_t)argc, LOOP_ITERATIONS);
    uint64_t t1 = kiln_rdtsc();
    for (uint64_t i = 0; i < EXITS; i++) kiln_yield(0);
    uint64_t t2 = kiln_rdtsc();
    kiln_printf("probe loop_ps=%llu exits=%llu exit_ns=%llu check=%llx\n",
                (unsigned long long)(tsc_to_ps(t1 - t0) / LOOP_ITERATIONS), (unsigned long long)EXITS,
                (unsigned long long)(tsc_to_ps(t2 - t1) / 1000 / EXITS), (unsigned long long)check);
    return 0;
}
