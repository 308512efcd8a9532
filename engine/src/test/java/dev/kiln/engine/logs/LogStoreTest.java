package dev.kiln.engine.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.api.LogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log of one VM on real files: lines, UTF-8, rotation, restore after a daemon died, readers and followers. */
class LogStoreTest {
    @TempDir
    Path dir;
    private final AtomicInteger followers = new AtomicInteger();
    private final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LogWriter writer = new LogWriter(warnings::add);

    @org.junit.jupiter.api.AfterEach
    void closeWriter() {
        writer.close();
    }

    private LogStore open(LogLimits limits) throws IOException {
        return LogStore.open(dir, limits, followers, warnings::add, writer);
    }

    private static List<LogEntry> read(LogStore s, LogQuery q) throws IOException {
        List<LogEntry> out = new ArrayList<>();
        s.read(q, new LogSink() {
            @Override
            public void write(List<LogEntry> entries) {
                out.addAll(entries);
            }

            @Override
            public void keepAlive() {}
        }, null);
        return out;
    }

    private static String text(List<LogEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (LogEntry e : entries) sb.append(e.log());
        return sb.toString();
    }

    @Test
    void consoleBytesBecomeLinesAndPartsOfLinesAsTheyArrive() throws IOException {
        LogStore s = open(LogLimits.DEFAULT);
        OutputStream c = s.console();
        c.write("one\ntw".getBytes(StandardCharsets.UTF_8));
        c.write("o\nthree".getBytes(StandardCharsets.UTF_8));
        List<LogEntry> e = read(s, LogQuery.ALL);
        assertEquals(List.of("one\n", "tw", "o\n", "three"), e.stream().map(LogEntry::log).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), e.stream().map(LogEntry::seq).toList());
        assertEquals("one\ntwo\nthree", text(e), "the text is exactly what the guest wrote");
    }

    @Test
    void aCharacterSplitBetweenTwoWritesSurvivesAndBadBytesBecomeReplacements() throws IOException {
        LogStore s = open(LogLimits.DEFAULT);
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8); // e2 82 ac 0a
        s.console().write(euro, 0, 2);
        s.console().write(euro, 2, 2);
        s.console().write(new byte[] {(byte) 0xff, '\n'});
        s.console().write(new byte[] {(byte) 0xe2});
        s.setLive(false); // the guest ended in the middle of a character
        assertEquals("€\n\ufffd\n\ufffd", text(read(s, LogQuery.ALL)));
    }

    @Test
    void rotationKeepsAtMostMaxFilesOfAtMostMaxSize() throws IOException {
        LogLimits small = new LogLimits(2048, 4096, 3);
        LogStore s = open(small);
        for (int i = 0; i < 2000; i++) s.console().write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(s.flush(60_000), "the writer applied everything");
        assertTrue(Files.exists(dir.resolve("console.log.2")));
        assertFalse(Files.exists(dir.resolve("console.log.3")));
        for (String f : List.of("console.log", "console.log.1", "console.log.2")) {
            assertTrue(Files.size(dir.resolve(f)) <= 4096, f + " is " + Files.size(dir.resolve(f)) + " bytes");
        }
        List<LogEntry> all = read(s, LogQuery.ALL);
        assertEquals("line 1999\n", all.getLast().log());
        for (int i = 1; i < all.size(); i++) assertEquals(all.get(i - 1).seq() + 1, all.get(i).seq(), "no hole");
        assertTrue(all.size() > 100, "the files hold more than the ring: " + all.size());
        assertEquals(List.of("line 1997\n", "line 1998\n", "line 1999\n"), read(s, new LogQuery(null, 3, false)).stream()
                .map(LogEntry::log).toList());
        List<LogEntry> fromFiles = read(s, new LogQuery(null, all.size(), false));
        assertEquals(all, fromFiles, "a tail longer than the ring comes from the files, the same entries");
    }

    @Test
    void aNewDaemonPicksUpTheLogAndGoesOnNumbering() throws IOException {
        LogStore first = open(new LogLimits(4096, 1 << 20, 2));
        for (int i = 1; i <= 300; i++) first.console().write(("before " + i + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(first.flush(60_000));
        // the first daemon is SIGKILLed in the middle of writing a line: the file ends in half a line
        Files.write(dir.resolve("console.log"), "{\"seq\":301,\"time\":\"20".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        LogStore second = open(new LogLimits(4096, 1 << 20, 2));
        assertTrue(second.ringEntries() > 10, "the ring is refilled from the files' tail");
        second.console().write("after\n".getBytes(StandardCharsets.UTF_8));
        List<LogEntry> all = read(second, LogQuery.ALL);
        assertEquals(301, all.size());
        assertEquals("before 1\n", all.getFirst().log());
        assertEquals(new LogEntry(301, all.getLast().time(), "console", "after\n"), all.getLast());
        assertEquals(List.of("before 300\n", "after\n"), read(second, new LogQuery(null, 2, false)).stream().map(LogEntry::log).toList());
    }

    @Test
    void sinceSelectsByTime() throws Exception {
        LogStore s = open(LogLimits.DEFAULT);
        s.console().write("old\n".getBytes(StandardCharsets.UTF_8));
        Instant cut = read(s, LogQuery.ALL).getLast().time().plusNanos(1);
        while (!Instant.now().isAfter(cut)) Thread.onSpinWait(); // the clock must pass the cut before the next line
        s.console().write("new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", text(read(s, new LogQuery(cut, null, false))));
    }

    @Test
    void aFollowerGetsEveryEntryAndEndsWhenTheVmEnds() throws Exception {
        LogStore s = open(LogLimits.DEFAULT);
        s.setLive(true);
        s.console().write("first\n".getBytes(StandardCharsets.UTF_8));
        List<String> got = new ArrayList<>();
        CountDownLatch sawFirst = new CountDownLatch(1);
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                s.read(new LogQuery(null, null, true), new LogSink() {
                    @Override
                    public void write(List<LogEntry> entries) {
                        for (LogEntry e : entries) got.add(e.log());
                        sawFirst.countDown();
                    }

                    @Override
                    public void keepAlive() {}
                }, null);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(sawFirst.await(30, TimeUnit.SECONDS));
        s.console().write("second\n".getBytes(StandardCharsets.UTF_8));
        s.note("kiln: exited");
        s.setLive(false);
        follower.join(30_000);
        assertFalse(follower.isAlive(), "the follower ends when the VM ended for good");
        assertEquals(List.of("first\n", "second\n", "kiln: exited\n"), got);
        assertEquals(0, followers.get());
    }

    @Test
    void aStuckFollowerNeverHoldsUpTheGuestAndCatchesUpFromTheFiles() throws Exception {
        LogStore s = open(new LogLimits(2048, 1 << 20, 2));
        s.setLive(true);
        CountDownLatch stuck = new CountDownLatch(1), release = new CountDownLatch(1);
        List<LogEntry> got = new ArrayList<>();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                s.read(new LogQuery(null, null, true), new LogSink() {
                    @Override
                    public void write(List<LogEntry> entries) throws IOException {
                        got.addAll(entries);
                        stuck.countDown();
                        try {
                            release.await(); // a client that does not read
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }

                    @Override
                    public void keepAlive() {}
                }, null);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        s.console().write("line 0\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(stuck.await(30, TimeUnit.SECONDS));
        // the guest goes on writing far more than the ring holds while the follower is stuck
        for (int i = 1; i < 5000; i++) s.console().write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(s.flush(60_000));
        assertTrue(s.ringEntries() < 5000 / 10, "the ring stayed bounded: " + s.ringEntries());
        s.setLive(false);
        release.countDown();
        follower.join(30_000);
        assertFalse(follower.isAlive());
        assertEquals(5000, got.size(), "the follower fell behind the ring and read the rest from the files");
        for (int i = 0; i < 5000; i++) assertEquals("line " + i + "\n", got.get(i).log());
    }

    /**
     * The guest's side of the log runs on its vCPU thread, under the monitor's seccomp filter
     * (killing the process on any call it does not allow: opening, writing or renaming a file,
     * creating a thread). Here a thread confined to the very same filter writes the console
     * while the writer is stalled (a disk that blocks: the test holds the store's lock, which
     * the writer needs): the writes never wait, what does not fit in the queue is dropped and
     * counted, and once the writer goes on, the log says how many bytes were lost, in order.
     */
    @Test
    void aConfinedConsoleNeverWaitsAndAFullQueueIsCountedHonestly() throws Exception {
        assertEquals(dev.kiln.vmm.sandbox.Sandbox.Mode.ON, dev.kiln.vmm.sandbox.Sandbox.mode(), "the filters are on in tests");
        LogStore s = open(new LogLimits(1 << 20, 1 << 20, 2, 1000));
        s.setLive(true);
        byte[] line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(100, line.length, "ten lines fill the queue exactly");
        Thread producer;
        synchronized (s) { // the writer cannot apply anything now
            producer = Thread.ofPlatform().name("kiln-vcpu-logtest").start(() -> {
                dev.kiln.vmm.sandbox.Sandbox.confine(dev.kiln.vmm.sandbox.MonitorFilters.vcpu(-1, new long[0], -1));
                try {
                    for (int i = 0; i < 30; i++) s.console().write(line); // 3,000 bytes into a 1,000-byte queue
                    s.note("kiln: written from a confined thread");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            producer.join(60_000);
            assertFalse(producer.isAlive(), "the confined producer finished while the writer was stalled: it never waited");
        }
        assertTrue(s.flush(60_000));
        List<LogEntry> all = read(s, LogQuery.ALL);
        List<String> texts = all.stream().map(LogEntry::log).toList();
        assertEquals(10, texts.stream().filter(t -> t.equals(new String(line, StandardCharsets.UTF_8))).count(),
                "the queue held ten lines: " + texts);
        int drop = texts.indexOf("kiln: 2000 bytes of console output dropped: the daemon's log writer fell behind (the guest"
                + " was not slowed down)\n");
        assertEquals(10, drop, "the drop is recorded after the ten lines that fit: " + texts);
        assertEquals(11, texts.indexOf("kiln: written from a confined thread\n"), "a note is never dropped, and comes after: "
                + texts);
        s.note("kiln: after the stall");
        assertEquals("kiln: after the stall\n", read(s, LogQuery.ALL).getLast().log());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void closingWritesEverythingQueuedFirst() throws IOException {
        LogStore s = open(LogLimits.DEFAULT);
        for (int i = 0; i < 500; i++) s.console().write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        s.note("kiln: the end");
        s.close();
        List<String> lines = Files.readAllLines(dir.resolve("console.log"));
        assertEquals(501, lines.size(), "every entry is in the file once close() returned");
        assertTrue(lines.getLast().contains("\"log\":\"kiln: the end\\n\""), lines.getLast());
    }
}
