package dev.kiln.engine.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.LogEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One VM's log: every piece of console output the guest writes and every note of the daemon
 * about the VM, as {@link LogEntry} records with a sequence number, kept in two places at once:
 *
 * <ul>
 *   <li>a ring in memory of about {@link LogLimits#ringBytes} that outlives the VM, for the
 *       readers and followers (most reads are served from it);</li>
 *   <li>newline-delimited JSON files (console.log, rotated to console.log.1, ...), so a
 *       daemon that dies loses at most what was in flight; a new daemon refills the ring from
 *       their tail and goes on numbering.</li>
 * </ul>
 *
 * <p><b>Two sides.</b> The guest's console hypercall ends in {@link #console()} on the VM's
 * vCPU thread, which runs under the monitor's seccomp filter: it may not open, write or
 * rename files, create threads, or wake a virtual thread (the scheduler may create a carrier
 * thread on the waker, which would inherit the filter; docs/security.md). So the producers
 * ({@link #console()}, {@link #note}, {@link #setLive}) only append to a lock-free queue of
 * this store, bounded by {@link LogLimits#queueBytes}, and unpark the daemon's one
 * {@link LogWriter} thread; that thread decodes, numbers, appends to the ring, writes and
 * rotates the files, and wakes the readers. A full queue never blocks the guest: what does not
 * fit is counted and the log says so ("N bytes of console output dropped"). Readers copy
 * entries out under this store's lock and write them to their client outside it, so a slow
 * client slows only its own reader; a reader that fell behind the ring reads the missed
 * entries from the files.
 *
 * <p>A read first waits (briefly) until the writer has applied everything queued before it,
 * so a client that reads after an event (the VM's exit, a {@code wait}) sees everything the
 * guest printed before it.
 */
public final class LogStore {
    /** An entry holds at most this many characters; longer lines are split (as Docker's json-file does at 16 KiB). */
    static final int MAX_ENTRY_CHARS = 16 * 1024;
    /** Memory an entry costs in the ring besides its text (record, Instant, String headers). */
    static final int ENTRY_OVERHEAD = 96;
    /** Entries copied out per batch while following. */
    static final int FOLLOW_BATCH = 512;
    /** Queue items the writer applies per turn, before the next store's turn (one flooding VM cannot starve the others). */
    static final int WRITE_BATCH = 256;
    /** How long a read waits for the writer to apply what was queued before it; after that it answers with what is applied. */
    static final long READ_SYNC_MILLIS = 5000;
    static final String FILE = "console.log";

    static {
        // Loaded and initialized here, on the unconfined thread that opens the first log: the
        // vCPU thread that later writes the console may not read the engine's jar.
        for (Class<?> c : new Class<?>[] {Console.class, Item.class, Output.class, Note.class, Dropped.class, Live.class, Closing.class,
                LogWriter.class, ConcurrentLinkedQueue.class, AtomicLong.class, AtomicBoolean.class}) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private final Path dir;
    private final LogLimits limits;
    private final AtomicInteger followers;
    private final Consumer<String> warn;
    private final LogWriter writer;
    private final ObjectMapper json = ApiJson.mapper();
    private final Console console = new Console();

    // The producers' side: lock-free, safe on a confined thread.
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();
    private final AtomicLong enqueued = new AtomicLong();
    /** True while this store waits in the writer's queue (set by a producer, cleared by the writer before it drains). */
    final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    // The writer's side and the readers': guarded by `this`.
    private final ArrayDeque<LogEntry> ring = new ArrayDeque<>();
    private long ringCost;
    private long nextSeq = 1;
    /** Queue items applied so far (the writer's count of {@link #enqueued}). */
    private long applied;
    /** First sequence number in each file: [0] console.log, [i] console.log.i; 0 for none. */
    private final long[] fileFirstSeq;
    private FileChannel current;
    private long currentSize;
    private boolean live;
    private boolean writeFailed;
    private boolean filesClosed;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    private LogStore(Path dir, LogLimits limits, AtomicInteger followers, Consumer<String> warn, LogWriter writer) {
        this.dir = dir;
        this.limits = limits;
        this.followers = followers;
        this.warn = warn;
        this.writer = writer;
        this.fileFirstSeq = new long[limits.maxFiles()];
    }

    /**
     * Opens a VM's log directory, creating it, or picking up what an earlier daemon wrote.
     *
     * @param followers counts the followers of all stores, for the daemon's info
     * @param warn where problems with the files go (the daemon's own log); the VM runs on
     * @param writer the daemon's log writer, which applies what the producers queue
     */
    public static LogStore open(Path dir, LogLimits limits, AtomicInteger followers, Consumer<String> warn,
                                LogWriter writer) throws IOException {
        Files.createDirectories(dir);
        LogStore s = new LogStore(dir, limits, followers, warn, writer);
        s.restore();
        return s;
    }

    /** The newest log file. */
    public Path currentFile() {
        return dir.resolve(FILE);
    }

    private Path file(int i) {
        return dir.resolve(i == 0 ? FILE : FILE + "." + i);
    }

    // ---- the producers: any thread, the confined vCPU thread included ----------------------

    /** What the producers queue for the writer, in order. */
    private sealed interface Item permits Output, Note, Dropped, Live, Closing {}

    /** Bytes the guest wrote, when it wrote them. */
    private record Output(byte[] bytes, Instant time) implements Item {}

    /** A line of the daemon about the VM. */
    private record Note(String text, Instant time) implements Item {}

    /** Output that did not fit in the queue. */
    private record Dropped(long bytes, Instant time) implements Item {}

    /** The VM's liveness changed (see {@link #setLive}). */
    private record Live(boolean live) implements Item {}

    /** The store closes: the current file is closed, readers end. */
    private record Closing() implements Item {}

    /** The guest's console: bytes in, entries out (by the writer). For VmConfig.console; used by one vCPU thread at a time. */
    public OutputStream console() {
        return console;
    }

    /**
     * A line of the daemon about the VM (a start, an exit, a crash report), stream "kiln". Any
     * thread. Notes are never dropped: the daemon writes a few per start and exit, at a rate
     * only the lifecycle sets, and they are what tells what happened.
     */
    public void note(String text) {
        enqueue(new Note(text, Instant.now()));
    }

    /**
     * Whether the VM runs or will run again soon (a restart is pending): followers wait for more
     * while it is live, and end once it is not and they have everything queued before. Any thread.
     */
    public void setLive(boolean live) {
        enqueue(new Live(live));
    }

    /** Room in the queue for n bytes of output, or false (they are counted as dropped): never waits. */
    private boolean reserve(long n) {
        if (closed) return false;
        if (queuedBytes.addAndGet(n) > limits.queueBytes()) {
            queuedBytes.addAndGet(-n);
            droppedBytes.addAndGet(n);
            return false;
        }
        return true;
    }

    private void enqueue(Item item) {
        if (closed) return;
        long dropped = droppedBytes.getAndSet(0); // recorded where it happened: before what comes next
        // Every item is counted, and before it is added: an item added before a flush() began is
        // then within its target, and the writer applies in queue order, so it is applied first.
        if (dropped > 0) {
            enqueued.incrementAndGet();
            queue.add(new Dropped(dropped, Instant.now()));
        }
        enqueued.incrementAndGet();
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) writer.schedule(this);
    }

    /** Bytes in: queued as they are (the writer decodes them); a write that does not fit is dropped and counted. */
    private final class Console extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len <= 0 || !reserve(len)) return;
            enqueue(new Output(Arrays.copyOfRange(b, off, off + len), Instant.now()));
        }
    }

    // ---- the writer: the daemon's log writer thread only ------------------------------------

    /**
     * Applies up to {@link #WRITE_BATCH} queued items (entries into the ring and the files),
     * records any drop, and wakes the readers. Called by {@link LogWriter} only; the caller
     * cleared {@link #scheduled} first, so a producer that queues meanwhile schedules again.
     *
     * @return true if items are left for another turn
     */
    boolean drain() {
        synchronized (this) {
            for (int i = 0; i < WRITE_BATCH; i++) {
                Item item = queue.poll();
                if (item == null) break;
                apply(item);
                applied++;
            }
            long dropped = droppedBytes.getAndSet(0); // nothing queued after the drop (yet): record it now
            if (dropped > 0) apply(new Dropped(dropped, Instant.now()));
            notifyAll();
            return !queue.isEmpty();
        }
    }

    private void apply(Item item) {
        switch (item) {
            case Output o -> {
                queuedBytes.addAndGet(-o.bytes().length);
                decode(o.bytes(), o.time());
            }
            case Dropped d -> {
                flushPartial();
                appendSplit(LogEntry.KILN, "kiln: " + d.bytes() + " bytes of console output dropped: the daemon's log writer"
                        + " fell behind (the guest was not slowed down)\n", d.time());
            }
            case Note n -> {
                flushPartial();
                String t = n.text();
                appendSplit(LogEntry.KILN, t.endsWith("\n") ? t : t + "\n", n.time());
            }
            case Live l -> {
                if (!l.live()) flushPartial();
                live = l.live();
            }
            case Closing c -> {
                flushPartial();
                closeCurrent();
                filesClosed = true;
                live = false;
            }
        }
    }

    /** UTF-8 decoded across writes (a character split between two writes survives). */
    private void decode(byte[] bytes, Instant time) {
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.length).put(carry).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        carry = in.slice(); // at most 3 bytes of a character that is not complete yet
        if (out.position() > 0) appendSplit(LogEntry.CONSOLE, out.flip().toString(), time);
    }

    /** The guest ended or the daemon speaks: a dangling partial character becomes U+FFFD. */
    private void flushPartial() {
        if (!carry.hasRemaining()) return;
        CharBuffer out = CharBuffer.allocate(carry.remaining() + 1);
        decoder.decode(carry, out, true);
        decoder.flush(out);
        decoder.reset();
        carry = ByteBuffer.allocate(0);
        if (out.position() > 0) appendSplit(LogEntry.CONSOLE, out.flip().toString(), Instant.now());
    }

    /** Splits text at newlines (each line keeps its '\n'; a last piece without one is an entry too) and at MAX_ENTRY_CHARS. */
    private void appendSplit(String stream, String text, Instant time) {
        int start = 0, n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl + 1;
            if (end - start > MAX_ENTRY_CHARS) end = start + MAX_ENTRY_CHARS;
            append(stream, text.substring(start, end), time);
            start = end;
        }
    }

    private void append(String stream, String text, Instant time) {
        LogEntry e = new LogEntry(nextSeq++, time, stream, text);
        writeToFile(e);
        ring.addLast(e);
        ringCost += cost(e);
        while (ringCost > limits.ringBytes() && ring.size() > 1) ringCost -= cost(ring.removeFirst());
    }

    private static long cost(LogEntry e) {
        return e.log().length() + ENTRY_OVERHEAD;
    }

    private void writeToFile(LogEntry e) {
        if (filesClosed) return;
        try {
            byte[] text = json.writeValueAsBytes(e);
            ByteBuffer line = ByteBuffer.allocate(text.length + 1).put(text).put((byte) '\n').flip();
            if (current == null) openCurrent();
            if (currentSize > 0 && currentSize + line.remaining() > limits.maxFileBytes()) rotate();
            while (line.hasRemaining()) currentSize += current.write(line);
            if (fileFirstSeq[0] == 0) fileFirstSeq[0] = e.seq();
            writeFailed = false;
        } catch (IOException ex) {
            // The ring still has it; the VM must not stop because a disk is full.
            if (!writeFailed) warn.accept("cannot write " + file(0) + ": " + ex.getMessage() + " (the log lives on in memory)");
            writeFailed = true;
            closeCurrent();
        }
    }

    private void openCurrent() throws IOException {
        current = FileChannel.open(file(0), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        currentSize = current.size();
    }

    private void closeCurrent() {
        if (current == null) return;
        try {
            current.close();
        } catch (IOException ignored) {
            // nothing more can be lost: every write already reached the kernel
        }
        current = null;
    }

    /** console.log -> .1 -> .2 ...; the oldest beyond maxFiles is deleted. Open readers keep their files. */
    private void rotate() throws IOException {
        closeCurrent();
        int last = limits.maxFiles() - 1;
        Files.deleteIfExists(file(last));
        for (int i = last; i >= 1; i--) {
            if (Files.exists(file(i - 1))) Files.move(file(i - 1), file(i), StandardCopyOption.ATOMIC_MOVE);
            fileFirstSeq[i] = fileFirstSeq[i - 1];
        }
        fileFirstSeq[0] = 0;
        openCurrent();
    }

    /** The oldest sequence number the files still hold (nextSeq if they hold nothing). */
    private long firstRetainedSeq() {
        for (int i = fileFirstSeq.length - 1; i >= 0; i--) {
            if (fileFirstSeq[i] != 0) return fileFirstSeq[i];
        }
        return nextSeq;
    }

    /**
     * Waits until the writer has applied everything queued before this call (at most
     * {@code millis}); true if it has. Never on a confined thread.
     */
    public boolean flush(long millis) {
        long target = enqueued.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (applied < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Closes the log (the VM is being removed, or the daemon stops): what was queued is written
     * first, then the current file is closed; readers in progress end when they have read what
     * exists. Waits for the writer (a bounded time).
     */
    public void close() {
        if (closed) return;
        enqueue(new Closing());
        closed = true;
        flush(READ_SYNC_MILLIS);
    }

    // ---- reading -------------------------------------------------------------------------

    /** A reader's wake-up call: set by the connection's idle timeout, so that it writes a keep-alive. */
    public static final class Follow {
        private volatile boolean wake;
        private volatile boolean cancelled;
        private LogStore store;

        /** Asks the reader to write a keep-alive (or to notice it was cancelled) now. */
        public void wake() {
            wake = true;
            LogStore s = store;
            if (s != null) {
                synchronized (s) {
                    s.notifyAll();
                }
            }
        }

        /** Ends the reader at its next wake-up. */
        public void cancel() {
            cancelled = true;
            wake();
        }
    }

    /**
     * Sends the entries the query asks for to sink, then, when following, every new one until
     * the VM has ended for good, the store closed, or the follow cancelled. Throws what the
     * sink throws (a client that went away).
     */
    public void read(LogQuery q, LogSink sink, Follow follow) throws IOException {
        flush(READ_SYNC_MILLIS);
        if (!q.follow()) {
            history(q, sink);
            return;
        }
        followers.incrementAndGet(); // a follower from the start: sending it the history may already block
        try {
            follow(history(q, sink), sink, follow == null ? new Follow() : follow);
        } finally {
            followers.decrementAndGet();
        }
    }

    /** Sends what the query asks for of what exists now; returns the sequence number that comes next. */
    private long history(LogQuery q, LogSink sink) throws IOException {
        List<LogEntry> history;
        List<FileSlice> files = null;
        long next;
        synchronized (this) {
            next = nextSeq;
            history = ringCovers(q) ? fromRing(q) : null;
            if (history == null) files = snapshotFiles();
        }
        if (history == null) history = readFiles(files, q.since(), q.tail(), 1, next);
        if (!history.isEmpty()) sink.write(history);
        return next;
    }

    private boolean ringCovers(LogQuery q) {
        LogEntry first = ring.peekFirst();
        if (first == null || first.seq() <= firstRetainedSeq()) return true; // the ring holds all there is
        if (q.since() != null && first.time().isBefore(q.since())) return true;
        return q.since() == null && q.tail() != null && ring.size() >= q.tail();
    }

    private List<LogEntry> fromRing(LogQuery q) {
        ArrayDeque<LogEntry> picked = new ArrayDeque<>();
        int limit = q.tail() == null ? Integer.MAX_VALUE : q.tail();
        for (Iterator<LogEntry> it = ring.descendingIterator(); it.hasNext() && picked.size() < limit; ) {
            LogEntry e = it.next();
            if (q.since() != null && e.time().isBefore(q.since())) continue;
            picked.addFirst(e);
        }
        return new ArrayList<>(picked);
    }

    private void follow(long next, LogSink sink, Follow f) throws IOException {
        f.store = this;
        try {
            while (true) {
                List<LogEntry> batch = null;
                List<FileSlice> gapFiles = null;
                long gapEnd = 0;
                boolean keepAlive = false;
                synchronized (this) {
                    try {
                        while (nextSeq == next && live && !f.wake && !f.cancelled) wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (f.cancelled) return;
                    if (nextSeq == next) {
                        if (!live) return; // ended for good and everything was sent
                        f.wake = false;
                        keepAlive = true;
                    } else {
                        f.wake = false;
                        LogEntry first = ring.peekFirst();
                        if (first != null && first.seq() > next) {
                            gapFiles = snapshotFiles(); // fell behind the ring: the files still have it
                            gapEnd = first.seq();
                        } else {
                            batch = newerThan(next);
                        }
                    }
                }
                if (keepAlive) {
                    sink.keepAlive();
                    continue;
                }
                if (gapFiles != null) {
                    batch = readFiles(gapFiles, null, null, next, gapEnd);
                    if (batch.isEmpty()) { // rotated away before this reader got to it: nothing to send
                        next = gapEnd;
                        continue;
                    }
                }
                sink.write(batch);
                next = batch.getLast().seq() + 1;
            }
        } finally {
            f.store = null;
        }
    }

    /** Up to FOLLOW_BATCH entries with seq >= next, from the ring's end backwards (a follower is usually near the end). */
    private List<LogEntry> newerThan(long next) {
        ArrayDeque<LogEntry> picked = new ArrayDeque<>();
        for (Iterator<LogEntry> it = ring.descendingIterator(); it.hasNext(); ) {
            LogEntry e = it.next();
            if (e.seq() < next) break;
            picked.addFirst(e);
            if (picked.size() > FOLLOW_BATCH) picked.removeLast();
        }
        return new ArrayList<>(picked);
    }

    /** A file as it was at a moment: an open channel (survives rotation) and its length then. */
    private record FileSlice(FileChannel channel, long length) {}

    /** Opens every log file, oldest first; called with the lock held, so no rotation runs meanwhile. */
    private List<FileSlice> snapshotFiles() throws IOException {
        List<FileSlice> slices = new ArrayList<>();
        try {
            for (int i = limits.maxFiles() - 1; i >= 0; i--) {
                Path p = file(i);
                if (!Files.exists(p)) continue;
                FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
                slices.add(new FileSlice(ch, ch.size()));
            }
        } catch (IOException e) {
            for (FileSlice s : slices) s.channel.close();
            throw e;
        }
        return slices;
    }

    /** Entries of the files with fromSeq <= seq < toSeq and time >= since, only the last tail of them. Closes the files. */
    private List<LogEntry> readFiles(List<FileSlice> files, Instant since, Integer tail, long fromSeq, long toSeq)
            throws IOException {
        ArrayDeque<LogEntry> picked = new ArrayDeque<>();
        try {
            for (FileSlice f : files) {
                BufferedReader r = new BufferedReader(new InputStreamReader(
                        Channels.newInputStream(f.channel.position(0)), StandardCharsets.UTF_8));
                long read = 0;
                for (String line; read < f.length && (line = r.readLine()) != null; ) {
                    read += line.getBytes(StandardCharsets.UTF_8).length + 1;
                    if (read > f.length) break; // written after the snapshot
                    LogEntry e = parse(line);
                    if (e == null || e.seq() < fromSeq || e.seq() >= toSeq) continue;
                    if (since != null && e.time().isBefore(since)) continue;
                    picked.addLast(e);
                    if (tail != null && picked.size() > tail) picked.removeFirst();
                }
            }
        } finally {
            for (FileSlice f : files) f.channel.close();
        }
        return new ArrayList<>(picked);
    }

    private LogEntry parse(String line) {
        if (line.isBlank()) return null;
        try {
            return json.readValue(line, LogEntry.class);
        } catch (IOException e) {
            return null; // a line torn by a daemon killed mid-write, or damaged: skipped
        }
    }

    // ---- restoring -----------------------------------------------------------------------

    /** Picks up the files of an earlier daemon: first sequence numbers, the ring from their tail, the next number. */
    private synchronized void restore() throws IOException {
        for (int i = 0; i < limits.maxFiles(); i++) {
            fileFirstSeq[i] = firstSeqOf(file(i));
        }
        for (int i = limits.maxFiles(); Files.exists(file(i)); i++) Files.delete(file(i)); // limits were lowered
        ArrayDeque<LogEntry> tail = new ArrayDeque<>();
        long cost = 0;
        for (int i = 0; i < limits.maxFiles() && cost < limits.ringBytes(); i++) {
            List<LogEntry> entries = tailOf(file(i), limits.ringBytes() * 2);
            for (int k = entries.size() - 1; k >= 0 && cost < limits.ringBytes(); k--) {
                tail.addFirst(entries.get(k));
                cost += cost(entries.get(k));
            }
            if (!Files.exists(file(i)) || Files.size(file(i)) > limits.ringBytes() * 2) break;
        }
        ring.addAll(tail);
        ringCost = cost;
        if (!ring.isEmpty()) nextSeq = ring.getLast().seq() + 1;
        Path cur = file(0);
        if (Files.exists(cur) && Files.size(cur) > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            try (FileChannel ch = FileChannel.open(cur, StandardOpenOption.READ)) {
                ch.read(last, ch.size() - 1);
            }
            openCurrent();
            if (last.get(0) != '\n') { // the previous daemon died mid-line: start the next entry on a line of its own
                currentSize += current.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
    }

    private long firstSeqOf(Path p) throws IOException {
        if (!Files.exists(p)) return 0;
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                LogEntry e = parse(line);
                if (e != null) return e.seq();
            }
        }
        return 0;
    }

    /** The complete entries in the last `bytes` bytes of a file. */
    private List<LogEntry> tailOf(Path p, long bytes) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        if (!Files.exists(p)) return entries;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size(), start = Math.max(0, size - bytes);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - start));
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
                // read until full
            }
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            int from = start == 0 ? 0 : text.indexOf('\n') + 1; // the first line may be cut
            for (String line : text.substring(from).split("\n")) {
                LogEntry e = parse(line);
                if (e != null) entries.add(e);
            }
        }
        return entries;
    }

    // ---- for inspect and tests -----------------------------------------------------------

    /** The next sequence number (entries so far + 1). */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** How many entries the ring holds now. */
    public synchronized int ringEntries() {
        return ring.size();
    }
}
