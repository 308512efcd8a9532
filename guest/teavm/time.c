/*
 * Time for TeaVM on Kiln: rdtsc (never rdtscp) scaled with the TSC frequency the
 * monitor measured, anchored to the wall clock it read at boot. Both clocks come
 * from the same counter, so currentTimeMillis and nanoTime never disagree and never
 * cost an exit.
 */
#include "time.h"
#include "definitions.h"
#include <kiln/kiln.h>

static uint64_t kiln_wall_at_boot_ns;

void teavm_initTime() {
    kiln_wall_at_boot_ns = kiln_boot_info()->wallclock_ns;
}

int64_t teavm_currentTimeMillis() {
    return (int64_t) ((kiln_wall_at_boot_ns + kiln_monotonic_ns()) / UINT64_C(1000000));
}

int64_t teavm_currentTimeNano() {
    return (int64_t) (kiln_wall_at_boot_ns + kiln_monotonic_ns());
}

/* The image has no time zone database: local time is UTC. */
int32_t teavm_timeZoneOffset() {
    return 0;
}
