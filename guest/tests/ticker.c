/*
 * A guest that keeps printing, for the engine's log and lifecycle tests: "tick N" every
 * INTERVAL_MS milliseconds (argument 1, default 100), COUNT lines (argument 2, 0 = forever,
 * the default), then exits with STATUS (argument 3, default 0). It sleeps through the yield
 * hypercall between lines, so an idle ticker costs the host almost nothing.
 */
#include <kiln/kiln.h>

static uint64_t parse_u64(const char *s) {
    uint64_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
    return v;
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    uint64_t interval_ms = argc > 1 ? parse_u64(argv[1]) : 100;
    uint64_t count = argc > 2 ? parse_u64(argv[2]) : 0;
    int status = argc > 3 ? (int)parse_u64(argv[3]) : 0;
    for (uint64_t i = 1; count == 0 || i <= count; i++) {
        kiln_printf("tick %llu\n", (unsigned long long)i);
        if (interval_ms > 0) kiln_sleep_ns(interval_ms * 1000000ull);
    }
    return status;
}
