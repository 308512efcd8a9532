/*
 * The writer of the stats page (abi.h struct kiln_stats, docs/abi.md "The stats page"). The
 * monitor reads the page from another host thread whenever it is asked, with no exit; the
 * sequence lock makes its copy consistent: seq turns odd before an update and even after it.
 * x86 keeps stores in program order, so the compiler barriers are all the ordering needed.
 * There is one vCPU and no interrupt, so an update is never interleaved with another.
 *
 * The page is initialised on first use: an image that never publishes leaves magic 0, and the
 * monitor says it has no statistics instead of showing zeroes.
 *
 * KILN_STATS=off in the image's environment (kiln.properties stats=off, or kiln run -e) turns
 * the writer off: every function below returns at once, metric_add gives no slot, and the page
 * stays as the monitor gave it (zero: "nothing published"). It exists to measure what keeping
 * the page costs (kiln bench http --stats-cost); the runtime's Java side asks kiln_stats_enabled.
 */
#include <kiln/kiln.h>
#include <kiln/stats.h>

#define BARRIER() __asm__ volatile("" ::: "memory")

static struct kiln_stats *page;
static int off; /* KILN_STATS=off seen in the environment */

static int off_in_environment(void) {
    static const char want[] = "KILN_STATS=off";
    const struct kiln_boot_info *bi = kiln_boot_info();
    const char *const *env = (const char *const *)(uintptr_t)bi->envp;
    for (uint64_t i = 0; i < bi->envc; i++) {
        const char *e = env[i];
        unsigned j = 0;
        while (want[j] && e[j] == want[j]) j++;
        if (want[j] == 0 && e[j] == 0) return 1;
    }
    return 0;
}

/* The page, initialised on first use; 0 when the writer is off. */
static struct kiln_stats *stats(void) {
    if (page == 0) {
        if (off || (off = off_in_environment())) return 0;
        page = (struct kiln_stats *)(uintptr_t)kiln_boot_info()->stats;
        page->seq++;
        BARRIER();
        page->magic = KILN_STATS_MAGIC;
        BARRIER();
        page->seq++;
    }
    return page;
}

int kiln_stats_enabled(void) {
    return stats() != 0;
}

struct kiln_stats *kiln_stats_begin(void) {
    struct kiln_stats *s = stats();
    if (s == 0) return 0;
    s->seq++;
    BARRIER();
    return s;
}

void kiln_stats_end(struct kiln_stats *s) {
    if (s == 0) return;
    BARRIER();
    s->seq++;
}

static struct kiln_stats_metric *metric(struct kiln_stats *s, uint32_t slot) {
    return (struct kiln_stats_metric *)((uint8_t *)s + KILN_STATS_METRICS_OFFSET + slot * KILN_STATS_METRIC_SIZE);
}

static int name_ok(const uint8_t *name, uint32_t len) {
    if (len == 0 || len >= KILN_STATS_NAME_SIZE) return 0;
    for (uint32_t i = 0; i < len; i++) {
        uint8_t c = name[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return 0;
    }
    return 1;
}

int kiln_stats_metric_add(const void *name, uint32_t len, uint32_t kind) {
    const uint8_t *n = name;
    if (!name_ok(n, len) || (kind != KILN_METRIC_COUNTER && kind != KILN_METRIC_GAUGE)) return -1;
    struct kiln_stats *s = stats();
    if (s == 0) return -1;
    uint32_t slot = s->metric_count;
    if (slot >= KILN_STATS_METRICS_MAX) return -1;
    kiln_stats_begin();
    struct kiln_stats_metric *m = metric(s, slot);
    for (uint32_t i = 0; i < KILN_STATS_NAME_SIZE; i++) m->name[i] = i < len ? n[i] : 0;
    m->kind = kind;
    m->reserved = 0;
    m->value = 0;
    s->metric_count = slot + 1;
    kiln_stats_end(s);
    return (int)slot;
}

void kiln_stats_metric_set(int slot, int64_t value) {
    struct kiln_stats *s = stats();
    if (s == 0 || slot < 0 || (uint32_t)slot >= s->metric_count) return;
    kiln_stats_begin();
    metric(s, (uint32_t)slot)->value = (uint64_t)value;
    kiln_stats_end(s);
}

void kiln_stats_gc(uint64_t pause_ns) {
    struct kiln_stats *s = kiln_stats_begin();
    if (s == 0) return;
    s->present |= KILN_STATS_HAS_RUNTIME;
    s->present |= KILN_STATS_HAS_GC_PAUSES;
    s->gc_collections++;
    s->gc_pause_ns += pause_ns;
    if (pause_ns > s->gc_pause_max_ns) s->gc_pause_max_ns = pause_ns;
    /* log2 buckets of microseconds: bucket i holds [2^(i-1), 2^i) us, bucket 0 under 1 us. */
    uint64_t us = pause_ns / 1000;
    uint32_t bucket = 0;
    while (us != 0 && bucket < KILN_STATS_GC_BUCKETS - 1) {
        us >>= 1;
        bucket++;
    }
    s->gc_pause_buckets[bucket]++;
    kiln_stats_end(s);
}

void kiln_stats_runtime(uint64_t heap_used, uint64_t heap_limit, uint64_t green_threads) {
    struct kiln_stats *s = kiln_stats_begin();
    if (s == 0) return;
    s->present |= KILN_STATS_HAS_RUNTIME;
    s->heap_used = heap_used;
    s->heap_limit = heap_limit;
    s->green_threads = green_threads;
    kiln_stats_end(s);
}

void kiln_stats_net(uint64_t tcp_open, uint64_t tcp_accepted, uint64_t tcp_reset, uint64_t tcp_retransmitted,
                    uint64_t udp_in, uint64_t udp_out) {
    struct kiln_stats *s = kiln_stats_begin();
    if (s == 0) return;
    s->present |= KILN_STATS_HAS_NET;
    s->tcp_open = tcp_open;
    s->tcp_accepted = tcp_accepted;
    s->tcp_reset = tcp_reset;
    s->tcp_retransmitted = tcp_retransmitted;
    s->udp_in = udp_in;
    s->udp_out = udp_out;
    kiln_stats_end(s);
}
