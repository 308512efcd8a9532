package dev.kiln.libos.dns;

/** Why a name could not be resolved; {@link #kind} decides what InetAddress reports. */
public final class DnsException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The name does not exist (NXDOMAIN), or it has no IPv4 address. */
        NO_SUCH_NAME,
        /** No answer in time, a server failure, or only malformed answers: try again later. */
        TEMPORARY,
        /** A response that breaks RFC 1035 (ignored by the resolver, which waits for a good one). */
        MALFORMED,
        /** The image was given no resolver (the boot info's net_dns is 0). */
        NO_RESOLVER
    }

    private final Kind kind;

    public DnsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
