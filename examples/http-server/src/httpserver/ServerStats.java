package httpserver;

/**
 * Counters shown by /api/stats. Synchronized rather than atomics: the same code must compile
 * with TeaVM, where an uncontended monitor is cheap, and a request is far costlier than a lock.
 */
final class ServerStats {
    private final long startNanos = System.nanoTime();
    private long requests;
    private long accepted;
    private int open;

    synchronized void connectionOpened() {
        accepted++;
        open++;
    }

    synchronized void connectionClosed() {
        open--;
    }

    synchronized void requestServed() {
        requests++;
    }

    /** The JSON body of /api/stats; built by hand to keep the image free of a JSON library. */
    synchronized String json() {
        long uptimeMs = (System.nanoTime() - startNanos) / 1_000_000L;
        return "{\"uptime_ms\":" + uptimeMs + ",\"requests_served\":" + requests + ",\"open_connections\":" + open
                + ",\"connections_accepted\":" + accepted + "}\n";
    }
}
