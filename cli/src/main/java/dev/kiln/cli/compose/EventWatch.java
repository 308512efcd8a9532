package dev.kiln.cli.compose;

import dev.kiln.engine.api.Event;
import dev.kiln.engine.api.HealthReport;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.client.KilnClient;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The daemon's events from the moment up began, read in the background, so that waiting for
 * a dependency to become healthy is waiting for its health_status event (never a sleep or a
 * poll), and no event between a start and the wait can be missed.
 */
final class EventWatch implements AutoCloseable {
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final KilnClient client;
    private final Thread reader;
    private volatile boolean closed;
    private volatile RuntimeException broken;

    EventWatch(KilnClient client) {
        this.client = client;
        Instant since = Instant.now();
        reader = Thread.ofVirtual().name("kiln-compose-events").start(() -> {
            try {
                client.events(since, null, null, e -> {
                    queue.add(e);
                    return !closed;
                });
            } catch (RuntimeException e) {
                broken = e;
            }
            queue.add(new Event(-1, Instant.now(), "end", null, null, null));
        });
    }

    /**
     * Returns once the VM passed its health check; fails when it turned unhealthy or ended
     * first. A VM that is healthy already returns at once.
     */
    void awaitHealthy(String vm) throws InterruptedException {
        VmDetails now = client.inspect(vm);
        HealthReport h = now.health();
        if (h != null && "healthy".equals(h.status())) return;
        while (true) {
            Event e = queue.take();
            if (e.seq() < 0) {
                queue.add(e);
                throw new ProjectFailure("the daemon's events ended while waiting for " + vm + " to be healthy"
                        + (broken == null ? "" : ": " + broken.getMessage()));
            }
            if (!vm.equals(e.name())) continue;
            switch (e.action()) {
                case "health_status" -> {
                    String health = e.attributes().get("health");
                    if ("healthy".equals(health)) return;
                    if ("unhealthy".equals(health)) throw new ProjectFailure("dependency " + vm + " is unhealthy (kiln logs " + vm + ")");
                }
                case "die" -> {
                    if (client.inspect(vm).state().status() == dev.kiln.engine.api.VmStatus.EXITED) { // restarting: wait on
                        throw new ProjectFailure("dependency " + vm + " ended before it was healthy: " + e.attributes().get("exit")
                                + " (kiln logs " + vm + ")");
                    }
                }
                default -> { }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
