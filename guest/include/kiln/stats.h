/*
 * The stats page (abi.h struct kiln_stats; docs/abi.md, "The stats page"): the figures an image's
 * runtime keeps for the monitor, updated with plain stores (no exit) under the page's sequence
 * lock. Implemented by guest/runtime/stats.c; TeaVM images call it from libos (StatsPage) and from
 * the GC hooks (guest/teavm/heaptrace.c). One thread only (the image's one vCPU).
 */
#ifndef KILN_STATS_H
#define KILN_STATS_H

#include <stdint.h>

#include "abi.h"

/* 1 if the runtime keeps the page; 0 if KILN_STATS=off is in the environment, where every
 * function below does nothing (metric_add returns -1) and the page stays zero. */
int kiln_stats_enabled(void);
/* An update of several fields: begin makes seq odd (and returns the page, or 0 when the writer
 * is off), end makes it even (and ignores 0). */
struct kiln_stats *kiln_stats_begin(void);
void kiln_stats_end(struct kiln_stats *s);

/* Adds an application metric: its slot (0..KILN_STATS_METRICS_MAX-1), or -1 when the name is not
 * [A-Za-z_][A-Za-z0-9_]* of 1..KILN_STATS_NAME_SIZE-1 bytes, the kind is unknown or the table is full. */
int kiln_stats_metric_add(const void *name, uint32_t len, uint32_t kind);
/* Sets a metric's value (a slot kiln_stats_metric_add returned; others are ignored). */
void kiln_stats_metric_set(int slot, int64_t value);

/* One garbage collection that stopped the program for pause_ns. */
void kiln_stats_gc(uint64_t pause_ns);
/* The runtime's group (KILN_STATS_HAS_RUNTIME) and the network's (KILN_STATS_HAS_NET). */
void kiln_stats_runtime(uint64_t heap_used, uint64_t heap_limit, uint64_t green_threads);
void kiln_stats_net(uint64_t tcp_open, uint64_t tcp_accepted, uint64_t tcp_reset, uint64_t tcp_retransmitted,
                    uint64_t udp_in, uint64_t udp_out);

#endif
