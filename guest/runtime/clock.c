/* Monotonic time from the TSC, scaled with the frequency the monitor measured. */
#include <kiln/kiln.h>

uint64_t kiln_rdtsc(void) {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

uint64_t kiln_monotonic_ns(void) {
    const struct kiln_boot_info *bi = kiln_boot_info();
    uint64_t ticks = kiln_rdtsc() - bi->boot_tsc;
    /* ticks * 1e6 / khz, split to avoid overflowing 64 bits after ~5 hours at 1 GHz. */
    uint64_t khz = bi->tsc_khz;
    uint64_t seconds = ticks / (khz * 1000);
    uint64_t rest = ticks % (khz * 1000);
    return seconds * 1000000000ull + rest * 1000000ull / khz;
}

/* A sleep, unlike kiln_yield, is not cut short by received frames: they wait in the ring. */
void kiln_sleep_ns(uint64_t ns) {
    uint64_t deadline = kiln_monotonic_ns() + ns;
    kiln__net_prepare_sleep();
    for (;;) {
        uint64_t now = kiln_monotonic_ns();
        if (now >= deadline) return;
        kiln__yield_raw(deadline - now);
    }
}
