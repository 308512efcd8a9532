/*
 * Prints what the monitor handed over: arguments, environment, heap, clocks,
 * and checks the W^X-friendly invariants it can see from inside.
 */
#include <kiln/kiln.h>

static __thread uint64_t tls_counter = 7; /* proves PT_TLS and the FS base work */

int main(int argc, char **argv, char **envp) {
    const struct kiln_boot_info *bi = kiln_boot_info();
    kiln_printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) kiln_printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = envp; *e; e++) kiln_printf("env=%s\n", *e);
    kiln_printf("mem_size=%llu\n", (unsigned long long)bi->mem_size);
    kiln_printf("heap=%#llx-%#llx\n", (unsigned long long)bi->heap_start, (unsigned long long)bi->heap_end);
    kiln_printf("tsc_khz=%llu\n", (unsigned long long)bi->tsc_khz);
    tls_counter += 35;
    kiln_printf("tls=%llu\n", (unsigned long long)tls_counter);
    /* The heap is ours: write the first and last byte of it. */
    volatile char *heap = (volatile char *)(uintptr_t)bi->heap_start;
    heap[0] = 1;
    heap[bi->heap_end - bi->heap_start - 1] = 2;
    uint64_t wall = kiln_walltime_ns();
    kiln_printf("walltime_s=%llu boot_wallclock_s=%llu\n", (unsigned long long)(wall / 1000000000ull),
                (unsigned long long)(bi->wallclock_ns / 1000000000ull));
    /* The clock Java images use (guest/teavm/time.c): the boot anchor plus the TSC since boot_tsc. */
    kiln_printf("tsc_wall_s=%llu\n", (unsigned long long)((bi->wallclock_ns + kiln_monotonic_ns()) / 1000000000ull));
    char buf[64];
    kiln_snprintf(buf, sizeof buf, "[%5d|%-4s|%04x|%+d|%.2s]", 42, "ab", 0xbeef, 7, "xyz");
    kiln_printf("format=%s\n", buf);
    return 0;
}
