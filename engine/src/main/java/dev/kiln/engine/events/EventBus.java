package dev.kiln.engine.events;

import dev.kiln.engine.api.Event;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The daemon's events: the last {@link #KEPT} in memory (for --since), and any number of
 * subscribers that wait for new ones. Publishing appends and wakes the waiters, nothing more:
 * a subscriber copies events out under the lock and writes them to its client outside it, so
 * a slow client never holds up a VM. Events are not stored on disk (as Docker's are not); what
 * happened to a VM is in its state and its log.
 */
public final class EventBus {
    static final int KEPT = 4096;
    private final ArrayDeque<Event> recent = new ArrayDeque<>();
    private long nextSeq = 1;
    private boolean closed;
    private final AtomicInteger subscribers = new AtomicInteger();

    /** Where a subscriber's events go (an HTTP response). */
    public interface Sink {
        void write(List<Event> events) throws IOException;

        /** Nothing happened for a while: write something harmless so a client that left is noticed. */
        void keepAlive() throws IOException;
    }

    /** A subscriber's wake-up call, from its connection's idle timeout. */
    public static final class Subscription {
        private volatile boolean wake, cancelled;
        private EventBus bus;

        public void wake() {
            wake = true;
            EventBus b = bus;
            if (b != null) {
                synchronized (b) {
                    b.notifyAll();
                }
            }
        }

        public void cancel() {
            cancelled = true;
            wake();
        }
    }

    public Event publish(String action, String id, String name, Map<String, String> attributes) {
        synchronized (this) {
            Event e = new Event(nextSeq++, Instant.now(), action, id, name, attributes);
            recent.addLast(e);
            if (recent.size() > KEPT) recent.removeFirst();
            notifyAll();
            return e;
        }
    }

    /**
     * Sends the kept events from {@code since} on (none if null), then every new one until
     * {@code until} passes (the first event after it ends the stream; null: forever), the bus
     * closes or the subscription is cancelled. Only events the filter accepts are sent.
     */
    public void subscribe(Instant since, Instant until, Predicate<Event> filter, Sink sink, Subscription sub)
            throws IOException {
        long next;
        List<Event> history = new ArrayList<>();
        synchronized (this) {
            next = nextSeq;
            if (since != null) {
                for (Event e : recent) {
                    if (!e.time().isBefore(since) && (until == null || !e.time().isAfter(until)) && filter.test(e)) history.add(e);
                }
            }
        }
        if (!history.isEmpty()) sink.write(history);
        if (until != null && !Instant.now().isBefore(until)) return;
        subscribers.incrementAndGet();
        sub.bus = this;
        try {
            while (true) {
                List<Event> batch = new ArrayList<>();
                boolean keepAlive = false, done = false;
                synchronized (this) {
                    try {
                        while (nextSeq == next && !closed && !sub.wake && !sub.cancelled) wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (sub.cancelled || (closed && nextSeq == next)) return;
                    if (nextSeq == next) {
                        keepAlive = true;
                    } else {
                        for (Iterator<Event> it = recent.descendingIterator(); it.hasNext(); ) {
                            Event e = it.next();
                            if (e.seq() < next) break;
                            batch.addFirst(e);
                        }
                        next = nextSeq;
                    }
                    sub.wake = false;
                }
                if (keepAlive) {
                    if (until != null && !Instant.now().isBefore(until)) return;
                    sink.keepAlive();
                    continue;
                }
                List<Event> wanted = new ArrayList<>();
                for (Event e : batch) {
                    if (until != null && e.time().isAfter(until)) {
                        done = true;
                        break;
                    }
                    if (filter.test(e)) wanted.add(e);
                }
                if (!wanted.isEmpty()) sink.write(wanted);
                if (done) return;
            }
        } finally {
            sub.bus = null;
            subscribers.decrementAndGet();
        }
    }

    public int subscribers() {
        return subscribers.get();
    }

    /** Ends every subscription once it has sent what is there. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
