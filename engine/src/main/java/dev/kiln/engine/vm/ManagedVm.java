package dev.kiln.engine.vm;

import dev.kiln.engine.EngineException;
import dev.kiln.engine.api.DebugResponse;
import dev.kiln.engine.api.ProfileResponse;
import dev.kiln.engine.api.ExitRecord;
import dev.kiln.engine.api.HealthReport;
import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.api.VmCounters;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.api.VmState;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.api.WaitResponse;
import dev.kiln.engine.health.HealthMonitor;
import dev.kiln.engine.logs.LogStore;
import dev.kiln.engine.net.VmNetworking;
import dev.kiln.engine.state.ImageStore;
import dev.kiln.image.GuestImage;
import dev.kiln.jvm.qemu.QemuRunner;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.VmStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One VM of the daemon and its supervisor: its definition, its state machine (created ->
 * running -> exited, or -> restarting -> running), its log, and its current run. A run is set
 * up on a virtual thread and started with {@link Vm#start}: the guest runs on the monitor's
 * vCPU thread, and no thread of the engine waits for it; when it ends, the monitor's callback
 * (on a virtual thread) tears the run down, records the exit and applies the restart policy.
 * Every change of state is written to state.json before anyone is told of it.
 *
 * <p>The monitor of this object guards the state; waiters (wait, stop) block on it or on the
 * run's futures, never the vCPU thread on them.
 */
public final class ManagedVm {
    final VmDefinition def;
    final LogStore logs;
    private final EngineContext ctx;
    private final RestartBackoff backoff = new RestartBackoff();

    // guarded by this
    private VmStatus status;
    private Instant startedAt, finishedAt;
    private Integer exitCode;
    private String exit;
    private int restartCount;
    private boolean stoppedByUser;
    private final ArrayDeque<ExitRecord> exits = new ArrayDeque<>();
    private long exitCount;
    private VmRun run;
    private ScheduledFuture<?> pendingRestart;
    private long restartToken;
    private boolean removed;

    ManagedVm(VmDefinition def, VmState state, LogStore logs, EngineContext ctx) {
        this.def = def;
        this.logs = logs;
        this.ctx = ctx;
        this.status = state.status();
        this.startedAt = state.startedAt();
        this.finishedAt = state.finishedAt();
        this.exitCode = state.exitCode();
        this.exit = state.exit();
        this.restartCount = state.restartCount();
        this.stoppedByUser = state.stoppedByUser();
        this.exits.addAll(state.exits());
    }

    public String id() {
        return def.id();
    }

    public String name() {
        return def.name();
    }

    public LogStore logs() {
        return logs;
    }

    // ---- starting ------------------------------------------------------------------------

    /** kiln start: runs it now; waits until the guest runs or the start failed. */
    public void start() {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            if (status == VmStatus.RUNNING) throw EngineException.conflict("VM " + name() + " is already running");
            cancelPendingRestart();
            stoppedByUser = false;
            restartCount = 0;
            backoff.reset();
            r = launch(false);
        }
        awaitStarted(r);
    }

    /** Called by the daemon at its start for a VM its policy brings back. */
    synchronized void restore() {
        if (removed || status == VmStatus.RUNNING) return;
        stoppedByUser = false;
        launch(true);
    }

    private void awaitStarted(VmRun r) {
        try {
            r.started.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw EngineException.conflict("cannot start VM " + name() + ": " + cause.getMessage());
            }
            throw EngineException.internal("cannot start VM " + name() + ": " + message(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineException.internal("interrupted while VM " + name() + " started");
        }
    }

    /**
     * With the lock held: the run begins, and its state is written before anyone is told (the
     * event here, the answer to start after the guest runs). A virtual thread sets the VM up
     * while the state file is synced (the fsyncs cost milliseconds on some disks) and starts
     * it; no thread waits for the guest: the monitor calls back when it ended, and that
     * callback needs this lock, so the exit is written after this.
     */
    private VmRun launch(boolean automatic) {
        VmRun r = new VmRun(automatic);
        run = r;
        status = VmStatus.RUNNING;
        startedAt = r.startedAt;
        logs.setLive(true);
        try {
            ctx.virtual.execute(() -> setUpAndStart(r));
        } catch (Throwable t) { // the daemon is closing (its executor refuses), or no thread at all: a failed start
            exited(r, null, t, true);
            r.started.completeExceptionally(t);
            return r;
        }
        persist(status);
        ctx.events.publish("start", id(), name(), automatic && restartCount > 0
                ? Map.of("restartCount", String.valueOf(restartCount)) : Map.of());
        return r;
    }

    /** Sets the monitor's VM up and starts its guest; {@link #ended} follows when the guest ended. */
    private void setUpAndStart(VmRun r) {
        Vm vm = null;
        try {
            if (ctx.images.isJvm(def.imageDigest())) {
                runJvm(r);
                return;
            }
            GuestImage image = ctx.images.image(def.imageDigest(), ImageStore.defaultName(Path.of(def.imageSource())));
            r.network = ctx.networking.attach(def, image.manifest().ip(), line -> logs.note("kiln: " + line));
            VmConfig config = new VmConfig(image, def.memoryMb() == null ? 0 : def.memoryMb() * (1L << 20), null,
                    def.args(), def.env(), logs.console());
            if (r.network != null) config = config.withNet(r.network.config());
            vm = Vm.create(ctx.kvm(), config);
            r.attach(vm);
            startHealth(r); // before the guest runs: nothing after start() may fail and leave it running unwatched
            CompletableFuture<VmExit> end = vm.start();
            r.started.complete(null);
            Vm started = vm;
            end.whenComplete((exit, failure) -> ended(r, started, exit, failure, false));
        } catch (Throwable t) { // start() threw, or was never reached: no guest runs
            // The failure is recorded before the start is answered: whoever asked sees the VM exited, not running.
            try {
                if (vm != null) vm.close();
                ended(r, null, null, t, true);
            } finally {
                r.started.completeExceptionally(t);
            }
        }
    }

    /**
     * A jvm VM: QEMU runs as a child of this (virtual) thread's call until it exits. The run has
     * started once QEMU runs and its control port is connected; QEMU ending before is a failed start.
     */
    private void runJvm(VmRun r) {
        r.endpoint = JvmRun.endpoint(def);
        QemuRunner.Result result = null;
        Throwable failure = null;
        try {
            result = JvmRun.run(ctx.images.path(def.imageDigest()), def, logs, running -> {
                r.attach(running);
                startHealth(r);
                r.started.complete(null);
            });
        } catch (Throwable t) {
            failure = t;
        }
        boolean setupFailed = !r.started.isDone();
        if (setupFailed && failure == null) failure = new IOException("QEMU ended before the guest started (see kiln logs)");
        HealthMonitor h = r.health;
        if (h != null) h.stop();
        try {
            String killed = r.killReason();
            if (failure != null) {
                record(r, 125, (setupFailed ? "could not start: " : "QEMU failed while the guest ran: ") + message(failure),
                        null, setupFailed);
            } else if (killed != null) {
                record(r, 137, killed, null, false);
            } else {
                record(r, result.status(), result.reported() ? "exited with status " + result.status()
                        : "the guest stopped without reporting an exit status (see kiln logs)", null, false);
            }
        } catch (RuntimeException e) {
            ctx.log.accept("recording the exit of " + name() + " failed: " + e);
            r.ended.completeExceptionally(e);
        } finally {
            if (setupFailed) r.started.completeExceptionally(failure);
        }
    }

    /** The guest ended (or never started, setupFailed): tear its run down, then record the exit. */
    private void ended(VmRun r, Vm vm, VmExit end, Throwable failure, boolean setupFailed) {
        HealthMonitor h = r.health;
        if (h != null) h.stop();
        VmNetworking.Attachment n = r.network;
        if (n != null) n.close();
        if (vm != null && end instanceof VmExit.Crashed) writeCrashCore(vm);
        if (vm != null) vm.close();
        try {
            exited(r, end, failure, setupFailed);
        } catch (RuntimeException e) {
            ctx.log.accept("recording the exit of " + name() + " failed: " + e);
            r.ended.completeExceptionally(e);
        }
    }

    private void startHealth(VmRun r) {
        var endpoint = r.network != null ? r.network.guest() : r.endpoint;
        if (def.health() == null || endpoint == null) return;
        HealthMonitor h = new HealthMonitor(def.health(), endpoint, ctx.timer, ctx.virtual, s -> healthChanged(r, s));
        r.health = h;
        h.start();
    }

    private void healthChanged(VmRun r, String health) {
        synchronized (this) {
            if (run != r) return;
        }
        logs.note("kiln: health: " + health);
        ctx.events.publish("health_status", id(), name(), Map.of("health", health));
    }

    // ---- exits and restarts --------------------------------------------------------------

    private void exited(VmRun r, VmExit end, Throwable failure, boolean setupFailed) {
        int code;
        String description;
        String crash = null;
        String killed = r.killReason();
        if (failure != null) {
            code = 125;
            description = (setupFailed ? "could not start: " : "the monitor failed while the guest ran: ") + message(failure);
        } else {
            switch (end) {
                case VmExit.Crashed c -> {
                    code = c.exitStatus();
                    description = c.describe();
                    crash = c.report().format();
                }
                case VmExit.Stopped s when killed != null -> {
                    code = 137;
                    description = killed;
                }
                default -> {
                    code = end.exitStatus();
                    description = end.describe();
                }
            }
        }
        record(r, code, description, crash, setupFailed);
    }

    /** Records a run's exit (its code, description and crash report) and applies the restart policy. */
    private void record(VmRun r, int code, String description, String crash, boolean setupFailed) {
        ExitRecord record;
        synchronized (this) {
            Instant now = Instant.now();
            record = new ExitRecord(r.startedAt, now, code, description, crash, restartCount);
            exits.addLast(record);
            while (exits.size() > VmState.MAX_EXITS) exits.removeFirst();
            exitCount++;
            finishedAt = now;
            exitCode = code;
            exit = description;
            if (run == r) run = null;
            Duration ran = Duration.between(r.startedAt, now);
            logs.note(String.format("kiln: the VM ended after %.3f s: %s (exit code %d)", ran.toNanos() / 1e9, description, code));
            if (crash != null) logs.note(crash);
            ctx.events.publish("die", id(), name(), Map.of("exitCode", String.valueOf(code), "exit", description));
            Duration delay = null;
            // a start a user asked for that fails is answered to the user; a failure after the start is the policy's
            boolean policyApplies = !removed && !ctx.shuttingDown && (!setupFailed || r.automatic);
            if (policyApplies) delay = backoff.next(def.restart(), code, stoppedByUser, ran, restartCount);
            if (delay != null) {
                restartCount++;
                status = VmStatus.RESTARTING;
                long token = ++restartToken;
                String of = def.restart().maximumRetryCount() > 0 ? " of " + def.restart().maximumRetryCount() : "";
                logs.note("kiln: restarting in " + delay.toMillis() + " ms (restart " + restartCount + of + ", policy "
                        + def.restart() + ")");
                pendingRestart = ctx.timer.schedule(() -> ctx.virtual.execute(() -> restartByPolicy(token)),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                status = VmStatus.EXITED;
                logs.setLive(false);
            }
            // A VM the daemon's shutdown ended is written as still running: the next daemon restores it like after a kill.
            persist(r.endedByShutdown() ? VmStatus.RUNNING : status);
            notifyAll();
        }
        r.ended.complete(record);
    }

    private void restartByPolicy(long token) {
        synchronized (this) {
            if (status != VmStatus.RESTARTING || removed || token != restartToken || ctx.shuttingDown) return;
            pendingRestart = null;
            launch(true);
        }
    }

    private void cancelPendingRestart() {
        restartToken++;
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }

    // ---- stopping ------------------------------------------------------------------------

    /**
     * kiln stop: the guest is asked to stop through the ABI (a Java image runs its shutdown hooks
     * and exits with 143) and gets the grace period to end, then it is destroyed; the answer says
     * which happened.
     */
    public StopResponse stop(Duration grace) {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            switch (status) {
                case CREATED, EXITED -> {
                    return new StopResponse(id(), name(), StopResponse.Outcome.NOT_RUNNING, exitCode,
                            name() + " is not running");
                }
                case RESTARTING -> {
                    stoppedByUser = true;
                    cancelPendingRestart();
                    status = VmStatus.EXITED;
                    logs.setLive(false);
                    persist(status);
                    ctx.events.publish("stop", id(), name(), Map.of());
                    notifyAll();
                    return new StopResponse(id(), name(), StopResponse.Outcome.RESTART_CANCELLED, exitCode,
                            name() + " was waiting to restart; the restart is cancelled");
                }
                default -> {
                    stoppedByUser = true;
                    persist(status);
                    r = run;
                }
            }
        }
        if (!grace.isZero()) r.requestStop(false); // no grace: destroyed at once, never half-way through its hooks
        ExitRecord rec = awaitEnd(r, grace);
        StopResponse.Outcome outcome = StopResponse.Outcome.EXITED;
        if (rec == null) {
            r.kill(String.format("killed after the %s grace period (the guest did not stop when asked)",
                    seconds(grace)), false);
            rec = awaitEnd(r, null);
            outcome = rec.exitCode() == 137 && r.killReason() != null && rec.description().equals(r.killReason())
                    ? StopResponse.Outcome.KILLED : StopResponse.Outcome.EXITED;
        }
        ctx.events.publish("stop", id(), name(), Map.of());
        String message = outcome == StopResponse.Outcome.KILLED ? name() + ": " + rec.description()
                : name() + " ended within the grace period: " + rec.description();
        return new StopResponse(id(), name(), outcome, rec.exitCode(), message);
    }

    /** kiln kill: destroys it now (only SIGKILL exists for a unikernel today; see Signals). */
    public void kill(int signal) {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            if (status != VmStatus.RUNNING) throw EngineException.conflict("VM " + name() + " is not running");
            stoppedByUser = true;
            persist(status);
            r = run;
        }
        ctx.events.publish("kill", id(), name(), Map.of("signal", dev.kiln.engine.api.Signals.name(signal)));
        r.kill("killed by " + dev.kiln.engine.api.Signals.name(signal), false);
        awaitEnd(r, null);
    }

    /** Sets a socket file's group and mode (the daemon's socket access) right after it is bound. */
    public interface SocketSecurer {
        void secure(Path socket) throws IOException;
    }

    /**
     * kiln debug NAME: opens the GDB stub of the running guest at {@code socket} (or answers the
     * one its run has), which a debugger may attach to while the guest runs on; it is closed,
     * its socket file removed, when the run ends. Each attach and detach goes to the VM's log.
     */
    public DebugResponse debug(Path socket, SocketSecurer secure) {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            if (status != VmStatus.RUNNING) throw EngineException.conflict("VM " + name() + " is not running");
            r = run;
        }
        try {
            Path at = r.debug(socket, line -> logs.note("kiln: gdb: " + line), secure);
            return new DebugResponse(id(), name(), at.toString());
        } catch (IllegalStateException e) {
            throw EngineException.conflict("VM " + name() + " cannot be debugged now: " + e.getMessage());
        } catch (IOException e) {
            throw EngineException.internal("cannot open the GDB stub of VM " + name() + " at " + socket + ": " + e.getMessage());
        }
    }

    /** The file a VM's core goes to, in its state directory: the last crash's or kiln dump's, whichever came last. */
    public static final String CORE_FILE = "core";

    /** The monitor's VM of the current run, for the readers of a running guest (kiln stack, kiln dump). */
    private Vm runningVm(String what) {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            if (status != VmStatus.RUNNING) throw EngineException.conflict("VM " + name() + " is not running");
            r = run;
        }
        Vm vm = r == null ? null : r.vm();
        if (vm == null) throw EngineException.conflict("VM " + name() + " has no " + what
                + ": it is still starting, or it is a jvm image on QEMU, which has none");
        return vm;
    }

    /** kiln stack NAME: the Java stack of every green thread, the guest held still for the read. */
    public dev.kiln.engine.api.StackResponse stack() {
        Vm vm = runningVm("Java stacks");
        try {
            return new dev.kiln.engine.api.StackResponse(id(), name(), vm.javaStacks().stream()
                    .map(t -> new dev.kiln.engine.api.StackResponse.Thread(t.name(), t.state(), t.frames(), t.error()))
                    .toList());
        } catch (IllegalStateException e) {
            throw EngineException.conflict("VM " + name() + " has no Java stacks now: " + e.getMessage());
        }
    }

    /** kiln dump NAME: a core file of the running guest in the VM's state directory, the guest held still for the copy. */
    public dev.kiln.engine.api.DumpResponse dump() {
        Vm vm = runningVm("core file");
        Path core = ctx.store.dir(id()).resolve(CORE_FILE);
        try {
            long bytes = vm.dumpCore(core, dev.kiln.vmm.core.CoreDump.DEFAULT_LIMIT);
            logs.note("kiln: core file " + core + " written (" + (bytes + 1023) / 1024 + " KiB)");
            return new dev.kiln.engine.api.DumpResponse(id(), name(), core.toString(), bytes);
        } catch (IllegalStateException e) {
            throw EngineException.conflict("VM " + name() + " cannot be dumped now: " + e.getMessage());
        } catch (dev.kiln.vmm.VmmException e) {
            throw EngineException.internal("VM " + name() + ": " + e.getMessage());
        }
    }

    /** A crashed guest's core, written in the VM's state directory before its memory goes; a line in its log either way. */
    private void writeCrashCore(Vm vm) {
        Path core = ctx.store.dir(id()).resolve(CORE_FILE);
        try {
            long bytes = vm.dumpCore(core, dev.kiln.vmm.core.CoreDump.DEFAULT_LIMIT);
            logs.note("kiln: core file " + core + " (" + (bytes + 1023) / 1024 + " KiB)");
        } catch (RuntimeException e) {
            logs.note("kiln: no core file: " + e.getMessage());
        }
    }

    /**
     * kiln profile NAME: samples the running guest for {@code duration} (less if its run ends) and
     * returns the profile, symbolized with the file the VM was created from; the guest runs on.
     */
    public ProfileResponse profile(Duration duration, int rateHz) {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            if (status != VmStatus.RUNNING) throw EngineException.conflict("VM " + name() + " is not running");
            r = run;
        }
        VmRun.Profiled taken;
        try {
            taken = r.profile(duration, rateHz);
        } catch (IllegalStateException e) {
            throw EngineException.conflict("VM " + name() + " cannot be profiled now: " + e.getMessage());
        }
        dev.kiln.vmm.profile.Profile p = taken.profile();
        // The daemon's copy of the image has no debug file beside it: the C functions' names come
        // from the file the VM was created from, if it is still that image (kiln debug's rule).
        GuestImage symbols = taken.image();
        String note = null;
        Path source = Path.of(def.imageSource());
        try {
            if (ImageStore.digest(java.nio.file.Files.readAllBytes(source)).equals(def.imageDigest())) {
                symbols = GuestImage.load(source);
            } else {
                note = "the image VM " + name() + " was created from, " + source + ", was rebuilt since: no function names";
            }
        } catch (java.io.IOException | RuntimeException e) {
            note = "the image VM " + name() + " was created from, " + source + ", cannot be read: no function names";
        }
        var folded = new dev.kiln.vmm.profile.StackSymbolizer(symbols, p).fold(p.samples());
        return new ProfileResponse(id(), name(), dev.kiln.vmm.profile.FoldedStacks.format(folded), p.cost().format(),
                p.samples().size(), p.javaStacks(), note);
    }

    /** The daemon shuts down: asked to stop, destroyed after the grace period, restored by the next daemon. */
    void shutdown(Duration grace) {
        VmRun r;
        synchronized (this) {
            cancelPendingRestart();
            r = run;
            if (r == null) return;
        }
        if (!grace.isZero()) r.requestStop(true);
        if (awaitEnd(r, grace) == null) {
            r.kill("killed when the daemon shut down (after its " + seconds(grace) + " grace period)", true);
            awaitEnd(r, null);
        }
    }

    /** The run's exit record, waiting at most grace (null: without limit); null if it did not end in time. */
    private static ExitRecord awaitEnd(VmRun r, Duration grace) {
        try {
            if (grace == null) return r.ended.get();
            if (grace.isZero()) return r.ended.isDone() ? r.ended.get() : null;
            return r.ended.get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw EngineException.internal("the run of the VM failed: " + message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineException.internal("interrupted while waiting for a VM to end");
        }
    }

    // ---- waiting and removing ------------------------------------------------------------

    /**
     * kiln wait: with nextExit false, returns at once if it is not running (the last exit), else
     * when its current run ends; with nextExit true, when the next run ends.
     */
    public WaitResponse await(boolean nextExit) {
        synchronized (this) {
            if (!nextExit && status != VmStatus.RUNNING) {
                return exitCode == null ? new WaitResponse(0, "never ran") : new WaitResponse(exitCode, exit);
            }
            long seen = exitCount;
            while (exitCount == seen) {
                if (removed) throw EngineException.notFound("VM " + name() + " was removed while waiting");
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw EngineException.internal("interrupted while waiting for VM " + name());
                }
            }
            ExitRecord last = exits.getLast();
            return new WaitResponse(last.exitCode(), last.description());
        }
    }

    /** Marks it removed (killing it first when forced); the engine then deletes its files. */
    void remove(boolean force) {
        VmRun r;
        synchronized (this) {
            checkNotRemoved();
            if ((status == VmStatus.RUNNING || status == VmStatus.RESTARTING) && !force) {
                throw EngineException.conflict("VM " + name() + " is " + status.json() + ": stop it first or force the removal (rm -f)");
            }
            removed = true;
            cancelPendingRestart();
            r = run;
            notifyAll();
        }
        if (r != null) {
            r.kill("killed: removed", false);
            awaitEnd(r, null);
        }
        logs.close();
    }

    private void checkNotRemoved() {
        if (removed) throw EngineException.notFound("no such VM: " + name() + " (removed)");
    }

    // ---- state ---------------------------------------------------------------------------

    private void persist(VmStatus written) {
        if (removed) return;
        try {
            ctx.store.writeState(id(), new VmState(written, startedAt, finishedAt, exitCode, exit, restartCount,
                    stoppedByUser, List.copyOf(exits)));
        } catch (IOException e) {
            ctx.log.accept("cannot write the state of VM " + name() + ": " + e.getMessage());
        }
    }

    public synchronized VmStatus status() {
        return status;
    }

    synchronized boolean stoppedByUser() {
        return stoppedByUser;
    }

    synchronized int restartCount() {
        return restartCount;
    }

    /** At the daemon's start, for a VM the previous daemon left running: its run ended with that daemon. */
    synchronized void endedWithPreviousDaemon() {
        ExitRecord last = exits.peekLast();
        if (last != null && last.startedAt().equals(startedAt)) {
            status = VmStatus.EXITED; // the previous daemon shut down cleanly and recorded this exit
            return;
        }
        Instant now = Instant.now();
        String description = "the daemon ended while the VM ran (noticed when the daemon started again)";
        ExitRecord rec = new ExitRecord(startedAt, now, 137, description, null, restartCount);
        exits.addLast(rec);
        while (exits.size() > VmState.MAX_EXITS) exits.removeFirst();
        finishedAt = now;
        exitCode = 137;
        exit = description;
        status = VmStatus.EXITED;
        logs.note("kiln: " + description);
        persist(status);
    }

    /** A restarting VM whose daemon ended before the restart: exited, its policy decides again at restore. */
    synchronized void restartLostWithPreviousDaemon() {
        status = VmStatus.EXITED;
    }

    public synchronized VmSummary summary() {
        HealthMonitor h = run == null ? null : run.health;
        return new VmSummary(id(), name(), def.imageName(), def.created(), status, startedAt, finishedAt, exitCode,
                restartCount, h == null ? null : h.status(), def.ports(), def.labels());
    }

    /** This VM for a metrics scrape: the monitor's VM is read by the collector, outside this lock. */
    public synchronized dev.kiln.engine.metrics.VmSample sample() {
        VmRun r = run;
        HealthMonitor h = r == null ? null : r.health;
        return new dev.kiln.engine.metrics.VmSample(name(), id(), def.imageDigest(), status == VmStatus.RUNNING, startedAt,
                restartCount, h == null ? null : h.status(), r == null ? null : r.vm());
    }

    public synchronized VmDetails details() {
        VmRun r = run;
        HealthReport health = r != null && r.health != null ? r.health.report() : null;
        VmNetworking.Attachment n = r == null ? null : r.network;
        VmCounters counters = null;
        Vm vm = r == null ? null : r.vm();
        if (vm != null) {
            VmStats s = vm.stats();
            counters = new VmCounters(s.exits(), s.hypercalls(), s.consoleBytes(),
                    s.net() == null ? null : s.net().rxFrames(), s.net() == null ? null : s.net().txFrames());
        }
        VmState state = new VmState(status, startedAt, finishedAt, exitCode, exit, restartCount, stoppedByUser,
                new ArrayList<>(exits));
        return new VmDetails(id(), name(), def, state, health, n == null ? null : n.summary(), counters,
                logs.currentFile().toString());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
