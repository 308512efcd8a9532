package dev.kiln.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that makes a state directory one daemon's: a kernel lock on the file "lock" (fcntl
 * through FileChannel.tryLock), held as long as the daemon lives and released by the kernel
 * however it ends (also SIGKILL), so a stale lock cannot exist. The file holds the holder's
 * pid, for the message the second daemon prints.
 */
public final class StateLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails with a message naming the daemon that has it. */
    public static StateLock acquire(Path stateDir) throws IOException {
        Path file = stateDir.resolve("lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // a daemon in this same process holds it
        }
        if (lock == null) {
            String holder = readPid(ch);
            ch.close();
            throw new StateLockedException("another kiln daemon" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " is using the state directory " + stateDir + "; stop it first or pick another with --state-dir");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new StateLock(ch, lock);
    }

    private static String readPid(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
    }

    /** The state directory is taken. */
    public static final class StateLockedException extends IOException {
        StateLockedException(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
