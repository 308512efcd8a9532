/**
 * Prometheus metrics of VMs: {@link dev.kiln.engine.metrics.VmMetricsCollector} reads every VM
 * when scraped (the monitor's counters, mincore, the vCPU thread's CPU time, the guest's stats
 * page; nothing polls in between), {@link dev.kiln.engine.metrics.MetricsExposition} turns that
 * into Prometheus' text format with the Prometheus Java client, and
 * {@link dev.kiln.engine.metrics.MetricsServer} serves it on TCP (the daemon's --metrics-addr,
 * kiln run's). The names are listed in docs/observability.md, "Metrics".
 */
package dev.kiln.engine.metrics;
