/*
 * Sleeps through the yield hypercall and reports what it measured with the TSC, one line per
 * sleep: "slept_ns=N requested_ns=N". Arguments: milliseconds (default 50), how many sleeps
 * (default 1). VmTest checks that no sleep ends early; `kiln bench sleep` prints how late they end.
 */
#include <kiln/kiln.h>

static uint64_t parse_u64(const char *s) {
    uint64_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
    return v;
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    uint64_t ms = argc > 1 ? parse_u64(argv[1]) : 50;
    uint64_t count = argc > 2 ? parse_u64(argv[2]) : 1;
    for (uint64_t i = 0; i < count; i++) {
        uint64_t start = kiln_monotonic_ns();
        kiln_sleep_ns(ms * 1000000ull);
        uint64_t slept = kiln_monotonic_ns() - start;
        kiln_printf("slept_ns=%llu requested_ns=%llu\n", (unsigned long long)slept,
                    (unsigned long long)(ms * 1000000ull));
    }
    return 0;
}
