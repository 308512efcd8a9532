package dev.kiln.libos.dns;

import java.util.ArrayList;

/**
 * The resolver's memory of answers, each kept for its TTL (the smallest of the records used,
 * RFC 1035 3.2.1) and at most {@link #MAX_TTL_SECONDS}; at most {@link #capacity} names, the
 * one that expires first making room. Names are compared without regard to case (RFC 4343).
 * Not thread-safe: the resolver serialises access.
 */
final class DnsCache {
    /** Longest time an answer is kept, whatever its TTL says (glibc's nscd keeps an hour too). */
    static final long MAX_TTL_SECONDS = 3600;

    private record Entry(String name, int[] addresses, long expiresNanos) {
    }

    private final int capacity;
    private final ArrayList<Entry> entries = new ArrayList<>();

    DnsCache(int capacity) {
        this.capacity = capacity;
    }

    /** The addresses of {@code name} if an answer is still valid at {@code now}, else null. */
    int[] get(String name, long now) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.name.equalsIgnoreCase(name)) {
                if (e.expiresNanos - now > 0) {
                    return e.addresses.clone();
                }
                entries.remove(i);
                return null;
            }
        }
        return null;
    }

    /** Remembers an answer for {@code ttlSeconds} from {@code now}; a TTL of 0 is not kept. */
    void put(String name, int[] addresses, long ttlSeconds, long now) {
        if (ttlSeconds <= 0 || capacity == 0) {
            return;
        }
        long expires = now + Math.min(ttlSeconds, MAX_TTL_SECONDS) * 1_000_000_000L;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name.equalsIgnoreCase(name)) {
                entries.remove(i);
                break;
            }
        }
        if (entries.size() >= capacity) {
            int first = 0;
            for (int i = 1; i < entries.size(); i++) {
                if (entries.get(i).expiresNanos - entries.get(first).expiresNanos < 0) {
                    first = i;
                }
            }
            entries.remove(first);
        }
        entries.add(new Entry(name, addresses.clone(), expires));
    }

    int size() {
        return entries.size();
    }
}
