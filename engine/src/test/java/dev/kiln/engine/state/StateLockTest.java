package dev.kiln.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One daemon per state directory, also within one process, and the lock survives other uses of its file. */
class StateLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWithTheFirstsPid() throws Exception {
        try (StateLock first = StateLock.acquire(dir)) {
            StateLock.StateLockedException e = assertThrows(StateLock.StateLockedException.class, () -> StateLock.acquire(dir));
            assertEquals("another kiln daemon (pid " + ProcessHandle.current().pid() + ") is using the state directory " + dir
                    + "; stop it first or pick another with --state-dir", e.getMessage());
            // reading and closing the lock file elsewhere does not release a flock (it would an fcntl lock)
            try (FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.READ)) {
                assertTrue(ch.size() > 0);
            }
            assertThrows(StateLock.StateLockedException.class, () -> StateLock.acquire(dir), "still held");
        }
        StateLock.acquire(dir).close(); // released with its holder
        assertTrue(Files.readString(dir.resolve("lock")).strip().matches("[0-9]+"));
    }
}
