package dev.kiln.engine.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The lock that makes a state directory one daemon's: flock(2) on the file "lock", held as long
 * as the daemon lives and released by the kernel however it ends (also SIGKILL), so a stale
 * lock cannot exist. The file holds the holder's pid, for the message the second daemon prints.
 */
public final class StateLock implements AutoCloseable {
    private final int fd;
    private boolean closed;

    private StateLock(int fd) {
        this.fd = fd;
    }

    /** Takes the lock or fails with a message naming the daemon that has it. */
    public static StateLock acquire(Path stateDir) throws IOException {
        Path file = stateDir.resolve("lock");
        int fd = Flock.open(file);
        boolean locked;
        try {
            locked = Flock.tryLock(fd);
        } catch (IOException e) {
            Flock.close(fd);
            throw e;
        }
        if (!locked) {
            Flock.close(fd);
            String holder = readPid(file);
            throw new StateLockedException("another kiln daemon" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " is using the state directory " + stateDir + "; stop it first or pick another with --state-dir");
        }
        // Written through another descriptor: a flock is the lock descriptor's alone, closing this one does not touch it.
        Files.writeString(file, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        return new StateLock(fd);
    }

    private static String readPid(Path file) throws IOException {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.matches("[0-9]{1,10}") ? s : "";
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /** The state directory is taken. */
    public static final class StateLockedException extends IOException {
        StateLockedException(String message) {
            super(message);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Flock.close(fd);
    }
}
