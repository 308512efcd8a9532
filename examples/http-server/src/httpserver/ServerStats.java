package httpserver;

import dev.kiln.metrics.Counter;
import dev.kiln.metrics.Gauge;
import dev.kiln.metrics.Metrics;

/**
 * Counters shown by /api/stats. Synchronized rather than atomics: the same code must compile
 * with TeaVM, where an uncontended monitor is cheap, and a request is far costlier than a lock.
 * The same figures go to Kiln's metrics API, which in an image puts them on the stats page
 * (`kiln run --stats`, the monitor reads them without an exit) and on HotSpot keeps them in memory.
 */
final class ServerStats {
    private static final Counter REQUESTS = Metrics.counter("http_requests");
    private static final Counter ACCEPTED = Metrics.counter("http_connections_accepted");
    private static final Gauge OPEN = Metrics.gauge("http_connections_open");
    private final long startNanos = System.nanoTime();
    private long requests;
    private long accepted;
    private int open;

    synchronized void connectionOpened() {
        accepted++;
        open++;
        ACCEPTED.increment();
        OPEN.increment();
    }

    synchronized void connectionClosed() {
        open--;
        OPEN.decrement();
    }

    synchronized void requestServed() {
        requests++;
        REQUESTS.increment();
    }

    /** The JSON body of /api/stats; built by hand to keep the image free of a JSON library. */
    synchronized String json() {
        long uptimeMs = (System.nanoTime() - startNanos) / 1_000_000L;
        return "{\"uptime_ms\":" + uptimeMs + ",\"requests_served\":" + requests + ",\"open_connections\":" + open
                + ",\"connections_accepted\":" + accepted + "}\n";
    }
}
