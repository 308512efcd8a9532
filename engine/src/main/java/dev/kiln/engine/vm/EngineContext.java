package dev.kiln.engine.vm;

import dev.kiln.engine.events.EventBus;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.logs.LogWriter;
import dev.kiln.engine.net.VmNetworking;
import dev.kiln.engine.state.ImageStore;
import dev.kiln.engine.state.VmStore;
import dev.kiln.vmm.Kvm;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every VM of one daemon shares: the stores, the event bus, the networking, and the
 * threads that are not a VM's own: one timer thread for every delay (restart backoff, health
 * intervals), one log writer for every VM's log files, and virtual threads for short blocking
 * work (setting a VM up, recording its exit, health probes, restarts).
 */
final class EngineContext implements AutoCloseable {
    final VmStore store;
    final ImageStore images;
    final EventBus events;
    final VmNetworking networking;
    final LogLimits logLimits;
    /** The daemon's one thread that writes every VM's log files. */
    final LogWriter logWriter;
    final AtomicInteger logFollowers = new AtomicInteger();
    final Consumer<String> log;
    final ScheduledExecutorService timer;
    final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    /** Set when the daemon shuts down: VMs it stops then are not restarted by their policy, and are restored at the next start. */
    volatile boolean shuttingDown;
    private Kvm kvm;

    EngineContext(VmStore store, ImageStore images, EventBus events, VmNetworking networking, LogLimits logLimits,
                  Consumer<String> log) {
        this.store = store;
        this.images = images;
        this.events = events;
        this.networking = networking;
        this.logLimits = logLimits;
        this.log = log;
        this.logWriter = new LogWriter(log);
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().name("kiln-timer").daemon().unstarted(r));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    /** /dev/kvm, opened once on the first start and shared by every VM (Kvm is thread-safe). */
    synchronized Kvm kvm() {
        if (kvm == null) kvm = Kvm.open();
        return kvm;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        virtual.shutdownNow();
        logWriter.close();
        if (kvm != null) kvm.close();
        kvm = null;
    }
}
