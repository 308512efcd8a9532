package dev.kiln.libos.dns;

/**
 * A DNS stub resolver (RFC 1123 6.1.3.1): asks one recursive resolver for a name's IPv4
 * addresses over UDP, with retries and a doubling timeout, ignores responses that are not to
 * its question (another id, malformed: a spoofed or stale datagram must not end the wait), and
 * keeps answers for their TTL. A truncated answer's addresses are used if it has any (a stub
 * asking for A records rarely needs TCP); NXDOMAIN or a name without A records is
 * {@link DnsException.Kind#NO_SUCH_NAME}, a server failure or silence {@link DnsException.Kind#TEMPORARY}.
 * The transport is the image's UDP socket, or java.net's on HotSpot in tests.
 */
public final class StubResolver {
    /** Sends a query and returns the next datagram from the server, or null when none came in time. */
    public interface Transport {
        byte[] exchange(byte[] query, long timeoutMillis) throws java.io.IOException;

        /** The next datagram from the server after one that was not the answer, or null at the deadline. */
        byte[] receiveMore(long timeoutMillis) throws java.io.IOException;
    }

    /** Monotonic nanoseconds (System.nanoTime, or a test's clock). */
    public interface Clock {
        long nanoTime();
    }

    /** Queries per lookup (glibc's resolv.conf default is 2; one more costs little on a quiet network). */
    public static final int ATTEMPTS = 3;
    /** The first attempt's timeout; each next one doubles it (1 + 2 + 4 s at most per lookup). */
    public static final long FIRST_TIMEOUT_MILLIS = 1000;

    private final Transport transport;
    private final Clock clock;
    private final DnsCache cache = new DnsCache(64);
    private int nextId;
    /** Why the last attempt failed, for the exception after the last one. */
    private String problem;
    /** The last datagram from the server (kept in a field: see the note on TeaVM below). */
    private byte[] datagram;

    public StubResolver(Transport transport, Clock clock, long seed) {
        this.transport = transport;
        this.clock = clock;
        this.nextId = (int) (seed ^ (seed >>> 32)) & 0xffff;
    }

    /** The IPv4 addresses of {@code name} (host byte order, at least one). */
    public synchronized int[] resolve(String name) throws DnsException {
        try {
            DnsMessage.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new DnsException(DnsException.Kind.NO_SUCH_NAME, name + ": not a DNS name");
        }
        String key = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int[] cached = cache.get(key, clock.nanoTime());
        if (cached != null) {
            return cached;
        }
        long timeout = FIRST_TIMEOUT_MILLIS;
        problem = "no answer from the resolver";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int[] addresses = attempt(key, timeout);
            if (addresses != null) {
                return addresses;
            }
            timeout *= 2;
        }
        throw new DnsException(DnsException.Kind.TEMPORARY, key + ": " + problem);
    }

    // The steps below are small methods with plain loops on purpose: TeaVM 0.12.3's coroutine
    // transformation fails on the irreducible graph that a retry loop around a try with a nested
    // wait loop makes (IrreducibleGraphSplitter, ArrayIndexOutOfBoundsException), and on a wait
    // loop that carries the received datagram in a local ("Variable used before definition").

    /** One query and the wait for its answer: the addresses, or null ({@link #problem} says why) to try again. */
    private int[] attempt(String key, long timeout) throws DnsException {
        // A fresh id per attempt, from a multiplicative sequence seeded at boot: a late answer to an
        // earlier attempt is ignored as another transaction.
        nextId = (nextId * 0x6255 + 0x3619) & 0xffff;
        int id = nextId;
        long deadline = clock.nanoTime() + timeout * 1_000_000L;
        if (!send(DnsMessage.query(id, key), timeout)) {
            return null;
        }
        for (;;) {
            DnsMessage.Answer a = parse(datagram, id, key);
            if (a != null) {
                return answer(key, a);
            }
            if (!receiveUntil(deadline)) {
                return null;
            }
        }
    }

    /** Sends the query and waits for the first datagram ({@link #datagram}); false if none came. */
    private boolean send(byte[] query, long timeout) {
        try {
            datagram = transport.exchange(query, timeout);
        } catch (java.io.IOException e) {
            problem = "cannot ask the resolver: " + e.getMessage();
            datagram = null;
        }
        return datagram != null;
    }

    /** Waits until the deadline for another datagram ({@link #datagram}); false if none came. */
    private boolean receiveUntil(long deadline) {
        long left = (deadline - clock.nanoTime()) / 1_000_000L;
        datagram = null;
        if (left > 0) {
            try {
                datagram = transport.receiveMore(left);
            } catch (java.io.IOException e) {
                problem = "cannot ask the resolver: " + e.getMessage();
            }
        }
        return datagram != null;
    }

    /** The answer in a datagram, or null if it is not one (a stale or spoofed datagram: waited past). */
    private DnsMessage.Answer parse(byte[] response, int id, String key) {
        try {
            return DnsMessage.parse(response, response.length, id, key);
        } catch (DnsException e) {
            problem = e.getMessage();
            return null;
        }
    }

    /** The addresses of an answer; null for a failure worth another attempt. */
    private int[] answer(String key, DnsMessage.Answer a) throws DnsException {
        if (a.rcode() == DnsMessage.RCODE_NXDOMAIN) {
            throw new DnsException(DnsException.Kind.NO_SUCH_NAME, key + ": no such name (NXDOMAIN)");
        }
        if (a.rcode() != DnsMessage.RCODE_NOERROR) {
            problem = "the resolver answered with rcode " + a.rcode();
            return null;
        }
        if (a.addresses().length == 0) {
            if (a.truncated()) {
                problem = "a truncated answer without addresses (TCP is not used)";
                return null;
            }
            throw new DnsException(DnsException.Kind.NO_SUCH_NAME, key + ": no IPv4 address");
        }
        cache.put(key, a.addresses(), a.ttlSeconds(), clock.nanoTime());
        return a.addresses().clone();
    }

    /** Answers in the cache now (for tests and the stats). */
    public synchronized int cachedNames() {
        return cache.size();
    }
}
