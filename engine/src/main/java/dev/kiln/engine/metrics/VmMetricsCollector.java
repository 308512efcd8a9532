package dev.kiln.engine.metrics;

import dev.kiln.engine.api.HealthReport;
import dev.kiln.engine.metrics.Families.Type;
import dev.kiln.vmm.ExitReasons;
import dev.kiln.vmm.GuestStats;
import dev.kiln.vmm.VmStats;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every VM's metrics, read when Prometheus scrapes and at no other time: the monitor's counters
 * (plain reads of volatile fields), the vCPU thread's CPU time, mincore over guest memory and a
 * copy of the guest's stats page. None of it costs the guest an exit. Series carry the labels
 * name, id and image (the image's digest). Names follow Prometheus' conventions: kiln_vm_ for
 * what the monitor and the engine know, kiln_vm_guest_ for the stats page's fixed figures,
 * kiln_app_ for the application's own counters and gauges (their names sanitized by the client
 * library). The table in docs/observability.md, "Metrics", lists them all.
 *
 * <p>The stats page is the guest's word, and a hostile guest writes anything there: the monitor
 * checks the page (an invalid one is simply absent, kiln_vm_guest_stats_available 0); a VM's
 * app counter and another VM's app gauge of the same name coexist (x_total and x, see
 * {@link Families}); and of two of a VM's metrics that become one series (hits and hits_total)
 * the first is kept, the other counted in kiln_vm_guest_app_metrics_refused: whatever a guest
 * calls its metrics, it cannot take a name or a series away from another VM.
 */
public final class VmMetricsCollector {
    /** One family: name (a counter's without _total), type and help. */
    record Def(String name, Type type, String help) {}

    static final Def UP = gauge("kiln_vm_up", "1 while the VM's guest runs, else 0 (created, exited, waiting to restart)");
    static final Def START_TIME = gauge("kiln_vm_start_time_seconds", "Start of the VM's current or last run, Unix time");
    static final Def RESTARTS = counter("kiln_vm_restarts", "Restarts by the VM's restart policy since it was last started by a user");
    static final Def HEALTH = gauge("kiln_vm_health_status", "1 for the VM's current health-check verdict (label status), 0 for the others");
    static final Def VCPU_SECONDS = counter("kiln_vm_vcpu_seconds", "CPU time of the VM's vCPU thread: the guest, its exits and the hypercalls served");
    static final Def EXITS = counter("kiln_vm_exits", "Exits of the VM's vCPU to the monitor, by KVM exit reason");
    static final Def HYPERCALLS = counter("kiln_vm_hypercalls", "Hypercalls served, by kind");
    static final Def CONSOLE_BYTES = counter("kiln_vm_console_bytes", "Bytes the guest wrote to its console");
    static final Def MEMORY_LIMIT = gauge("kiln_vm_memory_limit_bytes", "Guest memory the VM may use");
    static final Def MEMORY_TOUCHED = gauge("kiln_vm_memory_touched_bytes", "Guest memory the host has backed with pages (mincore): what the guest touched");
    static final Def NET_RX_PACKETS = counter("kiln_vm_net_receive_packets", "Frames put into the guest's receive ring");
    static final Def NET_RX_BYTES = counter("kiln_vm_net_receive_bytes", "Bytes of the frames put into the guest's receive ring");
    static final Def NET_RX_RING_FULL = counter("kiln_vm_net_receive_ring_full", "Times frames waited in the tap because the guest's receive ring was full"
            + " (the tap's queue drops beyond its length, counted by Linux on the tap)");
    static final Def NET_TX_PACKETS = counter("kiln_vm_net_transmit_packets", "Frames from the guest's transmit ring written to the tap");
    static final Def NET_TX_BYTES = counter("kiln_vm_net_transmit_bytes", "Bytes of the frames from the guest written to the tap");
    static final Def NET_TX_DROPS = counter("kiln_vm_net_transmit_drops", "Frames from the guest dropped: bad length or refused by the tap");
    static final Def GUEST_AVAILABLE = gauge("kiln_vm_guest_stats_available", "1 if the guest's stats page is published, consistent and valid, else 0");
    static final Def GC_COLLECTIONS = counter("kiln_vm_guest_gc_collections", "Garbage collections in the guest");
    static final Def GC_PAUSE = counter("kiln_vm_guest_gc_pause_seconds", "Time the guest's program stood still for garbage collections");
    static final Def HEAP_USED = gauge("kiln_vm_guest_heap_used_bytes", "Bytes of the guest's heap in use");
    static final Def HEAP_LIMIT = gauge("kiln_vm_guest_heap_limit_bytes", "Bytes the guest's heap may reach");
    static final Def THREADS = gauge("kiln_vm_guest_threads", "Live Java (green) threads in the guest");
    static final Def TCP_OPEN = gauge("kiln_vm_guest_tcp_connections_open", "TCP connections open in the guest");
    static final Def TCP_ACCEPTED = counter("kiln_vm_guest_tcp_connections_accepted", "TCP connections the guest accepted");
    static final Def TCP_RESETS = counter("kiln_vm_guest_tcp_resets", "TCP connections ended by a reset, sent or received");
    static final Def TCP_RETRANSMITTED = counter("kiln_vm_guest_tcp_retransmitted_segments", "TCP segments the guest sent again");
    static final Def UDP_IN = counter("kiln_vm_guest_udp_received_datagrams", "UDP datagrams delivered to a socket in the guest");
    static final Def UDP_OUT = counter("kiln_vm_guest_udp_sent_datagrams", "UDP datagrams the guest sent");
    static final Def APP_REFUSED = gauge("kiln_vm_guest_app_metrics_refused",
            "Application metrics of the VM's stats page not exported: once sanitized, their name is that of another of its metrics of the same kind");
    static final Def SCRAPE_ERRORS = gauge("kiln_vm_scrape_error",
            "1 if reading this VM's figures failed during this scrape (the daemon's log says why), else 0");

    /** The prefix of the application's metrics: kiln_app_NAME (a counter's exposed as kiln_app_NAME_total). */
    static final String APP_PREFIX = "kiln_app_";
    static final List<String> HEALTH_STATES = List.of(HealthReport.STARTING, HealthReport.HEALTHY, HealthReport.UNHEALTHY);

    private final Supplier<List<VmSample>> vms;
    private final java.util.function.Consumer<String> log;
    private final VmLabels.Cache labels = new VmLabels.Cache();

    /**
     * @param vms the VMs at the moment of a scrape
     * @param log where a failure to read a VM is told (the scrape goes on without that VM's figures)
     */
    public VmMetricsCollector(Supplier<List<VmSample>> vms, java.util.function.Consumer<String> log) {
        this.vms = vms;
        this.log = log;
    }

    /** Reads every VM now; the sets are written one after the other (see {@link Families#build}). */
    public List<MetricSnapshots> collect() {
        Families f = new Families();
        VmLabels.Cache.Scrape scrape = labels.scrape();
        List<VmSample> samples = vms.get();
        Object[] readings = MonitorReading.readAll(samples);
        for (int i = 0; i < samples.size(); i++) {
            VmSample vm = samples.get(i);
            VmLabels l = scrape.of(vm.name(), vm.id(), vm.image() == null ? "" : vm.image());
            Labels id = l.vm;
            boolean failed = false;
            try {
                lifecycle(f, vm, l);
                if (readings[i] instanceof RuntimeException e) throw e;
                if (readings[i] instanceof MonitorReading r) monitor(f, r, l);
            } catch (RuntimeException e) { // a VM torn down mid-read, or a bug: that VM's figures, not the scrape
                failed = true;
                log.accept("metrics: reading VM " + vm.name() + " failed: " + e);
            }
            add(f, SCRAPE_ERRORS, id, failed ? 1 : 0);
        }
        scrape.close();
        return f.build();
    }

    private static void lifecycle(Families f, VmSample vm, VmLabels l) {
        Labels id = l.vm;
        add(f, UP, id, vm.running() ? 1 : 0);
        if (vm.startedAt() != null) {
            add(f, START_TIME, id, vm.startedAt().getEpochSecond() + vm.startedAt().getNano() / 1e9);
        }
        add(f, RESTARTS, id, vm.restarts());
        if (vm.health() != null) {
            for (int i = 0; i < HEALTH_STATES.size(); i++) add(f, HEALTH, l.health(i), HEALTH_STATES.get(i).equals(vm.health()) ? 1 : 0);
        }
    }

    private static void monitor(Families f, MonitorReading vm, VmLabels l) {
        Labels id = l.vm;
        long cpu = vm.cpuNanos();
        if (cpu >= 0) add(f, VCPU_SECONDS, id, cpu / 1e9);
        ExitReasons exits = vm.exits();
        // in the order of VmLabels.EXIT_REASONS and HYPERCALL_KINDS
        add(f, EXITS, l.exit(0), exits.io());
        add(f, EXITS, l.exit(1), exits.interrupt());
        add(f, EXITS, l.exit(2), exits.other());
        VmStats s = vm.stats();
        add(f, HYPERCALLS, l.hypercall(0), s.consoleWrites());
        add(f, HYPERCALLS, l.hypercall(1), s.exitCalls());
        add(f, HYPERCALLS, l.hypercall(2), s.walltimeCalls());
        add(f, HYPERCALLS, l.hypercall(3), s.yieldCalls());
        add(f, HYPERCALLS, l.hypercall(4), s.abortCalls());
        add(f, HYPERCALLS, l.hypercall(5), s.notifyCalls());
        add(f, CONSOLE_BYTES, id, s.consoleBytes());
        add(f, MEMORY_LIMIT, id, vm.memorySize());
        long touched = vm.touchedBytes();
        if (touched >= 0) add(f, MEMORY_TOUCHED, id, touched);
        VmStats.Net n = s.net();
        if (n != null) {
            add(f, NET_RX_PACKETS, id, n.rxFrames());
            add(f, NET_RX_BYTES, id, n.rxBytes());
            add(f, NET_RX_RING_FULL, id, n.rxRingFull());
            add(f, NET_TX_PACKETS, id, n.txFrames());
            add(f, NET_TX_BYTES, id, n.txBytes());
            add(f, NET_TX_DROPS, id, n.txDropped());
        }
        guest(f, vm.guest(), id);
    }

    private static void guest(Families f, GuestStats.Reading reading, Labels id) {
        if (!(reading instanceof GuestStats.Available(GuestStats g))) {
            add(f, GUEST_AVAILABLE, id, 0);
            return;
        }
        add(f, GUEST_AVAILABLE, id, 1);
        if (g.hasRuntime()) {
            add(f, GC_COLLECTIONS, id, g.gcCollections());
            add(f, GC_PAUSE, id, g.gcPauseNanos() / 1e9);
            add(f, HEAP_USED, id, g.heapUsed());
            add(f, HEAP_LIMIT, id, g.heapLimit());
            add(f, THREADS, id, g.greenThreads());
        }
        if (g.hasNet()) {
            add(f, TCP_OPEN, id, g.tcpOpen());
            add(f, TCP_ACCEPTED, id, g.tcpAccepted());
            add(f, TCP_RESETS, id, g.tcpReset());
            add(f, TCP_RETRANSMITTED, id, g.tcpRetransmitted());
            add(f, UDP_IN, id, g.udpIn());
            add(f, UDP_OUT, id, g.udpOut());
        }
        int refused = 0;
        for (GuestStats.Metric m : g.metrics()) {
            boolean counter = m.kind() == GuestStats.Kind.COUNTER;
            String name = appFamily(counter, m.name());
            String help = "An application's " + (counter ? "counter" : "gauge") + " (dev.kiln.metrics.Metrics, from the VM's stats page)";
            if (name == null || !f.add(name, counter ? Type.COUNTER : Type.GAUGE, help, id, m.value())) refused++;
        }
        add(f, APP_REFUSED, id, refused);
    }

    /**
     * The family of an application metric: kiln_app_counter_NAME (exposed with _total) or
     * kiln_app_gauge_NAME, NAME being the guest's name sanitized by the client library (which
     * drops the suffixes Prometheus reserves, such as _total); null if no valid name is left. The kind is part of the name so
     * that the two kinds never compete for one: whatever a guest calls its metrics, it cannot
     * take a name away from another VM's.
     */
    static String appFamily(boolean counter, String guestName) {
        String sanitized;
        try {
            sanitized = PrometheusNaming.sanitizeMetricName(guestName);
        } catch (IllegalArgumentException e) { // nothing left of it
            return null;
        }
        String name = APP_PREFIX + sanitized;
        // The stats page allows [A-Za-z_][A-Za-z0-9_]* only, which stays a valid legacy name; checked all the same.
        return PrometheusNaming.isValidLegacyMetricName(name) ? name : null;
    }

    private static void add(Families f, Def d, Labels labels, double value) {
        f.add(d.name, d.type, d.help, labels, value);
    }

    private static Def counter(String name, String help) {
        return new Def(name, Type.COUNTER, help);
    }

    private static Def gauge(String name, String help) {
        return new Def(name, Type.GAUGE, help);
    }

    /** Every fixed family, in the order of the exposition (the docs' table follows it). */
    static List<Def> fixedFamilies() {
        return List.of(UP, START_TIME, RESTARTS, HEALTH, VCPU_SECONDS, EXITS, HYPERCALLS, CONSOLE_BYTES, MEMORY_LIMIT,
                MEMORY_TOUCHED, NET_RX_PACKETS, NET_RX_BYTES, NET_RX_RING_FULL, NET_TX_PACKETS, NET_TX_BYTES, NET_TX_DROPS,
                GUEST_AVAILABLE, GC_COLLECTIONS, GC_PAUSE, HEAP_USED, HEAP_LIMIT, THREADS, TCP_OPEN, TCP_ACCEPTED,
                TCP_RESETS, TCP_RETRANSMITTED, UDP_IN, UDP_OUT, APP_REFUSED, SCRAPE_ERRORS);
    }
}
