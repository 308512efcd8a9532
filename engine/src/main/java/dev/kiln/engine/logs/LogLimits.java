package dev.kiln.engine.logs;

/**
 * How much of a VM's log the daemon keeps.
 *
 * @param ringBytes the in-memory ring (about this many bytes of text, counted with a fixed overhead per entry)
 * @param maxFileBytes a log file is rotated before it would grow past this
 * @param maxFiles files kept per VM, the current one included (console.log, console.log.1, ...)
 * @param queueBytes output the guest may have waiting for the log writer; more is dropped (and counted), never waited for
 */
public record LogLimits(long ringBytes, long maxFileBytes, int maxFiles, long queueBytes) {
    /** 1 MiB: the most one console hypercall writes (its ABI limit) fits in an empty queue. */
    public static final long DEFAULT_QUEUE_BYTES = 1 << 20;
    /** 128 KiB in memory, 3 files of 2 MiB on disk: a VM's log costs at most about 6 MiB of disk. */
    public static final LogLimits DEFAULT = new LogLimits(128 << 10, 2 << 20, 3);

    public LogLimits {
        if (ringBytes < 1024 || ringBytes > (64L << 20)) throw new IllegalArgumentException("log ring size must be 1 KiB to 64 MiB");
        if (maxFileBytes < 4096) throw new IllegalArgumentException("log max size must be at least 4 KiB");
        if (maxFiles < 1 || maxFiles > 100) throw new IllegalArgumentException("log max files must be 1..100");
        if (queueBytes < 1 || queueBytes > (64L << 20)) throw new IllegalArgumentException("log queue size must be 1 byte to 64 MiB");
    }

    /** With the default queue. */
    public LogLimits(long ringBytes, long maxFileBytes, int maxFiles) {
        this(ringBytes, maxFileBytes, maxFiles, DEFAULT_QUEUE_BYTES);
    }
}
