package dev.kiln.engine.vm;

import dev.kiln.engine.EngineException;
import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.CreateResponse;
import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.api.VmNames;
import dev.kiln.engine.api.VmState;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.api.WaitResponse;
import dev.kiln.engine.events.EventBus;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.logs.LogStore;
import dev.kiln.engine.net.VmNetworking;
import dev.kiln.engine.state.ImageStore;
import dev.kiln.engine.state.VmStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Every VM of one daemon: creates, finds (by name, id or id prefix), lists and removes them,
 * and brings back at the daemon's start those whose restart policy says so. The operations
 * on one VM are the VM's own ({@link ManagedVm}); this class owns the registry.
 */
public final class Engine implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final EngineContext ctx;
    private final ConcurrentSkipListMap<String, ManagedVm> byId = new ConcurrentSkipListMap<>();
    /** name -> id; a name is reserved here before its VM exists, so two creates cannot both take it. */
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();
    private final Object removals = new Object();
    /** GET /metrics of every VM here, read when scraped. */
    private final dev.kiln.engine.metrics.MetricsExposition metrics;

    private Engine(EngineContext ctx) {
        this.ctx = ctx;
        this.metrics = new dev.kiln.engine.metrics.MetricsExposition(this::samples, ctx.log);
    }

    /**
     * Opens the engine on a state directory (already locked by the caller), loading every VM
     * defined there; call {@link #restore} to start those whose policy says so.
     *
     * @param log the daemon's own log (problems it works around)
     */
    public static Engine open(Path stateDir, VmNetworking networking, LogLimits limits, EventBus events,
                              Consumer<String> log) throws IOException {
        EngineContext ctx = new EngineContext(new VmStore(stateDir), new ImageStore(stateDir), events, networking, limits, log);
        Engine engine = new Engine(ctx);
        for (VmStore.Loaded l : ctx.store.loadAll(log)) {
            LogStore logs = LogStore.open(ctx.store.dir(l.definition().id()).resolve("logs"), limits, ctx.logFollowers, log,
                    ctx.logWriter);
            ManagedVm vm = new ManagedVm(l.definition(), l.state(), logs, ctx);
            engine.byId.put(vm.id(), vm);
            engine.names.put(vm.name(), vm.id());
        }
        try {
            networking.reconcile(List.copyOf(engine.byId.keySet()));
        } catch (IOException | RuntimeException e) {
            ctx.close();
            throw e;
        }
        return engine;
    }

    /**
     * The daemon's start: a VM the previous daemon left running ended with it (recorded as an
     * exit); then every VM whose policy says so starts again, as Docker's daemon does at its
     * start: always (even one a user stopped), unless-stopped (unless a user stopped it),
     * on-failure (if it was running or restarting when the daemon ended and has retries left).
     * A restore is not counted as a restart. Returns the names of the VMs started.
     */
    public List<String> restore() {
        List<String> started = new ArrayList<>();
        for (ManagedVm vm : byId.values()) {
            VmStatus was = vm.status();
            if (was == VmStatus.RUNNING) vm.endedWithPreviousDaemon();
            if (was == VmStatus.RESTARTING) vm.restartLostWithPreviousDaemon();
            if (was == VmStatus.CREATED) continue;
            boolean wasActive = was == VmStatus.RUNNING || was == VmStatus.RESTARTING;
            var policy = vm.def.restart();
            boolean bringBack = switch (policy.name()) {
                case "always" -> true;
                case "unless-stopped" -> !vm.stoppedByUser();
                case "on-failure" -> wasActive && !vm.stoppedByUser()
                        && (policy.maximumRetryCount() == 0 || vm.restartCount() < policy.maximumRetryCount());
                default -> false;
            };
            if (bringBack) {
                vm.restore();
                started.add(vm.name());
            }
        }
        return started;
    }

    // ---- create and find -----------------------------------------------------------------

    public CreateResponse create(CreateRequest req) throws IOException {
        ImageStore.Stored image;
        try {
            image = ctx.images.add(Path.of(req.image()));
        } catch (IllegalArgumentException e) {
            throw EngineException.badRequest(e.getMessage());
        }
        try {
            return create(req, image);
        } finally {
            ctx.images.unpin(image.digest()); // registered by now, or failed
        }
    }

    private CreateResponse create(CreateRequest req, ImageStore.Stored image) throws IOException {
        String id = newId();
        String name = req.name() != null ? reserve(req.name(), id) : reserveGenerated(image.name(), id);
        try {
            VmDefinition def = new VmDefinition(id, name, Instant.now(), image.name(), req.image(), image.digest(),
                    req.args(), req.env(), req.memoryMb(), req.ports(), req.restart(), req.health(), req.network(), req.aliases(),
                    req.labels());
            try {
                if (image.jvm()) JvmRun.check(def);
                else ctx.networking.check(def);
            } catch (IllegalArgumentException e) {
                throw EngineException.badRequest(e.getMessage());
            }
            ctx.store.create(def);
            LogStore logs = LogStore.open(ctx.store.dir(id).resolve("logs"), ctx.logLimits, ctx.logFollowers, ctx.log,
                    ctx.logWriter);
            ManagedVm vm = new ManagedVm(def, VmState.created(), logs, ctx);
            byId.put(id, vm);
            ctx.events.publish("create", id, name, Map.of("image", image.name()));
            return new CreateResponse(id, name);
        } catch (IOException | RuntimeException e) {
            if (!byId.containsKey(id)) names.remove(name, id);
            throw e;
        }
    }

    private String reserve(String name, String id) {
        String holder = names.putIfAbsent(name, id);
        if (holder != null) {
            throw EngineException.conflict("the name " + name + " is already used by VM " + VmNames.shortId(holder)
                    + ": remove that VM or choose another name");
        }
        return name;
    }

    /** IMAGE-xxxxxx, from the image's name (cut to Docker's name rules). */
    private String reserveGenerated(String imageName, String id) {
        String base = imageName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (base.length() > 100) base = base.substring(0, 100);
        if (base.isEmpty()) base = "vm";
        while (true) {
            String candidate = base + "-" + HexFormat.of().formatHex(randomBytes(3));
            if (names.putIfAbsent(candidate, id) == null) return candidate;
        }
    }

    private static String newId() {
        return HexFormat.of().formatHex(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A VM by its name, its full id or a unique prefix of its id (Docker's order). */
    public ManagedVm find(String ref) {
        if (ref == null || ref.isEmpty()) throw EngineException.badRequest("no VM name or id given");
        ManagedVm vm = byId.get(ref);
        if (vm != null) return vm;
        String id = names.get(ref);
        if (id != null && (vm = byId.get(id)) != null) return vm;
        if (ref.matches("[0-9a-f]{1,63}")) {
            NavigableMap<String, ManagedVm> matches = byId.subMap(ref, true, ref + Character.MAX_VALUE, false);
            if (matches.size() == 1) return matches.firstEntry().getValue();
            if (matches.size() > 1) {
                throw EngineException.badRequest(matches.size() + " VMs have an id starting with " + ref
                        + ": give more of the id, or the name");
            }
        }
        throw EngineException.notFound("no such VM: " + ref);
    }

    public List<VmSummary> list(boolean all) {
        return list(all, null);
    }

    /** @param label KEY=VALUE: only the VMs with that label (a compose project's); null: every VM */
    public List<VmSummary> list(boolean all, Map.Entry<String, String> label) {
        List<VmSummary> out = new ArrayList<>();
        for (ManagedVm vm : byId.values()) {
            VmSummary s = vm.summary();
            if (label != null && !label.getValue().equals(s.labels().get(label.getKey()))) continue;
            if (all || s.status() == VmStatus.RUNNING || s.status() == VmStatus.RESTARTING) out.add(s);
        }
        out.sort((a, b) -> b.created().compareTo(a.created()));
        return out;
    }

    /** Every VM as a metrics scrape sees it, in the order of their ids. */
    public List<dev.kiln.engine.metrics.VmSample> samples() {
        List<dev.kiln.engine.metrics.VmSample> out = new ArrayList<>(byId.size());
        for (ManagedVm vm : byId.values()) out.add(vm.sample());
        return out;
    }

    /** The Prometheus exposition of every VM (GET /metrics on the socket and on --metrics-addr). */
    public dev.kiln.engine.metrics.MetricsExposition metrics() {
        return metrics;
    }

    /** Every running VM's cumulative figures now (GET /v1/stats), from the same samples as {@link #metrics}. */
    public List<dev.kiln.engine.api.VmStatsReading> stats() {
        return dev.kiln.engine.metrics.VmStatsReader.read(samples(), ctx.log);
    }

    public VmDetails inspect(String ref) {
        return find(ref).details();
    }

    // ---- lifecycle -----------------------------------------------------------------------

    public void start(String ref) {
        find(ref).start();
    }

    public StopResponse stop(String ref, Duration grace) {
        return find(ref).stop(grace);
    }

    public void kill(String ref, int signal) {
        if (signal != dev.kiln.engine.api.Signals.KILL) {
            throw EngineException.badRequest("signal " + dev.kiln.engine.api.Signals.name(signal) + " cannot reach a guest yet"
                    + " (the ABI has no signal notification); only SIGKILL, which destroys the VM, works");
        }
        find(ref).kill(signal);
    }

    /** kiln restart: stop (grace, then destroy) if it runs, then start. */
    public StopResponse restart(String ref, Duration grace) {
        ManagedVm vm = find(ref);
        StopResponse stopped = vm.stop(grace);
        vm.start();
        ctx.events.publish("restart", vm.id(), vm.name(), Map.of());
        return stopped;
    }

    public WaitResponse await(String ref, boolean nextExit) {
        return find(ref).await(nextExit);
    }

    /** kiln rm: refuses a running VM unless forced; deletes its files and, if no VM uses it any more, its image copy. */
    public void remove(String ref, boolean force) throws IOException {
        ManagedVm vm = find(ref);
        vm.remove(force);
        synchronized (removals) {
            byId.remove(vm.id());
            names.remove(vm.name(), vm.id());
            ctx.store.delete(vm.id());
            try {
                ctx.networking.release(vm.id());
            } catch (IOException | RuntimeException e) { // the next daemon's reconcile frees it (its VM is gone)
                ctx.log.accept("releasing the network of " + vm.name() + " failed: " + e.getMessage());
            }
            ctx.images.retainOnly(() -> {
                Set<String> inUse = new HashSet<>();
                for (ManagedVm other : byId.values()) inUse.add(other.def.imageDigest());
                return inUse;
            });
        }
        ctx.events.publish("destroy", vm.id(), vm.name(), Map.of());
    }

    // ---- the daemon ----------------------------------------------------------------------

    public int count() {
        return byId.size();
    }

    public int running() {
        int n = 0;
        for (ManagedVm vm : byId.values()) {
            if (vm.status() == VmStatus.RUNNING) n++;
        }
        return n;
    }

    public int logFollowers() {
        return ctx.logFollowers.get();
    }

    /** Schedules a task on the daemon's timer thread (for stream deadlines). */
    public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return ctx.timer.schedule(task, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Stops every VM (each gets the grace period, all at once, then is destroyed) and records
     * them so that the next daemon restores them as after a crash of this one.
     */
    public void shutdown(Duration grace) {
        ctx.shuttingDown = true;
        List<Thread> stopping = new ArrayList<>();
        for (ManagedVm vm : byId.values()) stopping.add(Thread.ofVirtual().start(() -> vm.shutdown(grace)));
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** After {@link #shutdown}: closes the logs and removes what the networking made on the host. */
    @Override
    public void close() {
        for (ManagedVm vm : byId.values()) vm.logs.close();
        ctx.close();
        ctx.networking.close();
    }
}
