package dev.kiln.engine.logs;

import dev.kiln.engine.api.LogEntry;
import java.io.IOException;
import java.util.List;

/** Where a reader's entries go (an HTTP response); may block: only the reader's own thread waits for it. */
public interface LogSink {
    void write(List<LogEntry> entries) throws IOException;

    /**
     * A follower has had nothing to send for a while (the connection's idle timeout): write
     * something harmless, so that a client that went away is noticed and its reader ends.
     */
    void keepAlive() throws IOException;
}
