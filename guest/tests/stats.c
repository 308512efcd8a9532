/*
 * Publishes figures on the stats page through the runtime's writer (kiln/stats.h) and waits, so a
 * test can read them with Vm.guestStats():
 *   stats good     the runtime and net groups and two metrics, then "published"; on a stop
 *                  request (or after N yields of 10 ms, argument 2) it exits 0
 *   stats busy     the same, then spins without a hypercall until the control page says stop
 *   stats nothing  publishes nothing (the page stays as the monitor gave it)
 *   stats off      run with KILN_STATS=off: calls every writer function, which must all do nothing
 *                  (kiln_stats_enabled 0, no metric slot), then "published" and waits for a stop
 *   stats clash    a valid page whose metric names meet once Prometheus' rules apply: requests as a
 *                  gauge (good's is a counter), hits and hits_total (both one series), hits_created
 *                  (a gauge, hits once sanitized); then "published" and waits for a stop
 * and, as a hostile guest writing the page by hand, each of these, then "published":
 *   stats odd | magic | count | name | dupe | negative | kind | heap | unsigned | churn
 * (churn rewrites the page with random bytes and an odd or even sequence without pause).
 */
#include <kiln/kiln.h>
#include <kiln/stats.h>

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static struct kiln_stats_metric *metric(struct kiln_stats *s, int i) {
    return (struct kiln_stats_metric *)((uint8_t *)s + KILN_STATS_METRICS_OFFSET + i * KILN_STATS_METRIC_SIZE);
}

static void wait_for_stop(void) {
    for (;;) {
        if (kiln_yield(10000000ull) & KILN_READY_STOP) return;
        if (kiln_stop_requested()) return;
    }
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    const char *mode = argc > 1 ? argv[1] : "good";
    struct kiln_stats *page = (struct kiln_stats *)(uintptr_t)kiln_boot_info()->stats;
    if (streq(mode, "nothing")) {
        kiln_printf("published\n");
        wait_for_stop();
        return 0;
    }
    if (streq(mode, "clash")) {
        int requests = kiln_stats_metric_add("requests", 8, KILN_METRIC_GAUGE);
        int hits = kiln_stats_metric_add("hits", 4, KILN_METRIC_COUNTER);
        int total = kiln_stats_metric_add("hits_total", 10, KILN_METRIC_COUNTER);
        int created = kiln_stats_metric_add("hits_created", 12, KILN_METRIC_GAUGE);
        if (requests < 0 || hits < 0 || total < 0 || created < 0) kiln_abort("stats: no metric slot");
        kiln_stats_metric_set(requests, 5);
        kiln_stats_metric_set(hits, 7);
        kiln_stats_metric_set(total, 9);
        kiln_stats_metric_set(created, 11);
        kiln_printf("published\n");
        wait_for_stop();
        return 0;
    }
    if (streq(mode, "off")) { /* run with KILN_STATS=off: the writer ignores every call */
        if (kiln_stats_enabled()) kiln_abort("stats: the writer is on despite KILN_STATS=off");
        if (kiln_stats_metric_add("requests", 8, KILN_METRIC_COUNTER) != -1) kiln_abort("stats: a metric slot with the writer off");
        kiln_stats_metric_set(0, 42);
        kiln_stats_runtime(1000, 4096, 3);
        kiln_stats_gc(1500);
        kiln_stats_net(2, 10, 1, 5, 7, 8);
        kiln_printf("published\n");
        wait_for_stop();
        return 0;
    }
    /* A valid page first, through the writer; the hostile modes then break one thing by hand. */
    int requests = kiln_stats_metric_add("requests", 8, KILN_METRIC_COUNTER);
    int depth = kiln_stats_metric_add("queue_depth", 11, KILN_METRIC_GAUGE);
    if (requests != 0 || depth != 1) kiln_abort("stats: metric slots are not 0 and 1");
    if (kiln_stats_metric_add("bad name", 8, KILN_METRIC_GAUGE) != -1) kiln_abort("stats: a bad name was taken");
    kiln_stats_metric_set(requests, 42);
    kiln_stats_metric_set(depth, -3);
    kiln_stats_runtime(1000, 4096, 3);
    kiln_stats_gc(1500);
    kiln_stats_gc(500);
    kiln_stats_net(2, 10, 1, 5, 7, 8);
    if (streq(mode, "good")) {
        kiln_printf("published\n");
        wait_for_stop();
        return 0;
    }
    if (streq(mode, "busy")) { /* no hypercall after this line: the test counts exits */
        kiln_printf("published\n");
        for (;;) {
            if (kiln_stop_requested()) return 0;
        }
    }
    struct kiln_stats_metric *m0 = metric(page, 0);
    if (streq(mode, "odd")) {
        page->seq |= 1; /* "writing" for ever */
    } else if (streq(mode, "magic")) {
        page->magic = 0xdeadbeef;
    } else if (streq(mode, "count")) {
        page->metric_count = 0xffffffffu;
    } else if (streq(mode, "name")) {
        m0->name[2] = 0x07; /* a control character */
    } else if (streq(mode, "dupe")) {
        for (unsigned i = 0; i < KILN_STATS_NAME_SIZE; i++) metric(page, 1)->name[i] = m0->name[i];
    } else if (streq(mode, "negative")) {
        m0->value = 0x8000000000000000ull;
    } else if (streq(mode, "kind")) {
        m0->kind = 77;
    } else if (streq(mode, "heap")) {
        page->heap_used = 8192; /* above heap_limit */
    } else if (streq(mode, "unsigned")) {
        page->tcp_open = ~0ull;
    } else if (streq(mode, "longest")) {
        page->gc_pause_max_ns = ~0ull;
    } else if (streq(mode, "present")) {
        page->present |= 1u << 7;
    } else if (streq(mode, "churn")) {
        uint64_t x = 0x9e3779b97f4a7c15ull;
        /* "published" after the first pass: a reader that starts then never finds the valid page
           above, however late the host schedules this vCPU after the line. */
        for (unsigned pass = 0;; pass++) { /* never yields: only the caller's grace period ends it */
            for (unsigned i = 0; i < KILN_STATS_SIZE / 8; i++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                ((volatile uint64_t *)page)[i] = x;
            }
            if (pass == 0) kiln_printf("published\n");
        }
    } else {
        kiln_abort("stats: unknown mode");
    }
    kiln_printf("published\n");
    wait_for_stop();
    return 0;
}
