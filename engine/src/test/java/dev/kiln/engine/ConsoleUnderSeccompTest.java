package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.vmm.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest that floods its console under the daemon: its writes run on the vCPU thread, under
 * the monitor's seccomp filter (a forbidden call would kill this whole JVM), and land in the
 * log through the daemon's log writer. Every line the guest wrote is either in the log, in
 * order, or accounted for by a "bytes dropped" line at the place it went missing; and once the
 * daemon stopped cleanly, the files hold everything the API answered.
 */
class ConsoleUnderSeccompTest {
    private static final Pattern TICK = Pattern.compile("tick (\\d+)\n");
    private static final Pattern DROPPED = Pattern.compile("kiln: (\\d+) bytes of console output dropped: .*\n");
    private static final ObjectMapper JSON = ApiJson.mapper();

    @TempDir
    Path dir;

    @Test
    void aFloodIsLoggedOrCountedAndTheFilesHoldItAllAfterACleanStop() throws Exception {
        assertEquals(Sandbox.Mode.ON, Sandbox.mode(), "the monitor's filters are on in tests");
        int lines = 20_000;
        // a small queue: the guest (no sleep between lines) may outrun the writer; either way the sums must agree
        TestDaemon d = TestDaemon.start(dir, new LogLimits(128 << 10, 2 << 20, 3, 4096), 30_000);
        List<LogEntry> answered;
        try {
            d.client.create(TestDaemon.request("flood", "ticker", List.of("0", String.valueOf(lines), "0")));
            d.client.start("flood");
            assertEquals(0, d.client.await("flood", null).exitCode());
            answered = new ArrayList<>();
            d.client.logs("flood", false, null, null, e -> answered.add(e));
            assertEquals(lines, accountedTicks(answered), "every line is logged or counted as dropped: " + summary(answered));
            System.out.println("flood of " + lines + " lines through a 4 KiB queue: " + summary(answered));
            assertTrue(answered.getLast().log().startsWith("kiln: the VM ended after"), answered.getLast().toString());
            String id = d.client.inspect("flood").id();
            d.daemon.close();
            List<LogEntry> inFiles = readFiles(d.stateDir.resolve("vms").resolve(id).resolve("logs"));
            assertEquals(texts(answered), texts(inFiles), "the files hold what the API answered");
        } finally {
            d.close();
        }
    }

    @Test
    void aCleanStopWritesEverythingTheGuestPrintedBeforeItWasStopped() throws Exception {
        // a line a millisecond, and files that hold a million of them: nothing is rotated away before the stop
        TestDaemon d = TestDaemon.start(dir, new LogLimits(128 << 10, 32 << 20, 3), 30_000);
        try {
            d.client.create(TestDaemon.request("endless", "ticker", List.of("1")));
            d.client.start("endless");
            String id = d.client.inspect("endless").id();
            int[] seen = new int[1];
            d.client.logs("endless", true, null, null, e -> {
                Matcher m = TICK.matcher(e.log());
                if (m.matches()) seen[0] = Integer.parseInt(m.group(1));
                return seen[0] < 1000;
            });
            d.daemon.close(); // the VM is stopped while it floods, then the logs are closed
            List<LogEntry> inFiles = readFiles(d.stateDir.resolve("vms").resolve(id).resolve("logs"));
            int last = accountedTicks(inFiles);
            assertTrue(last >= 1000, "the files go on past what the follower saw: " + last);
            LogEntry end = inFiles.getLast();
            assertTrue(end.log().startsWith("kiln: the VM ended after"),
                    "the exit line, written after the guest's last write, is the last in the files: " + end);
        } finally {
            d.close();
        }
    }

    /**
     * Walks the entries: the guest's lines must come in order, and where some are missing, a
     * drop line must account for exactly their bytes. Returns the last line's number.
     */
    private static int accountedTicks(List<LogEntry> entries) {
        int last = 0;
        long dropped = 0;
        for (LogEntry e : entries) {
            if (e.stream().equals(LogEntry.KILN)) {
                Matcher m = DROPPED.matcher(e.log());
                if (m.matches()) dropped += Long.parseLong(m.group(1));
                continue;
            }
            Matcher m = TICK.matcher(e.log());
            assertTrue(m.matches(), "a whole line of the guest: " + e);
            int n = Integer.parseInt(m.group(1));
            long missing = 0;
            for (int k = last + 1; k < n; k++) missing += ("tick " + k + "\n").length();
            assertEquals(missing, dropped, "lines " + (last + 1) + ".." + (n - 1) + " are counted as dropped before tick " + n);
            dropped = 0;
            last = n;
        }
        return last + (int) countTrailing(last, dropped);
    }

    /** Lines after the last logged one that the final drop line accounts for. */
    private static long countTrailing(int last, long dropped) {
        int k = last;
        long left = dropped;
        while (left > 0) {
            k++;
            left -= ("tick " + k + "\n").length();
        }
        assertEquals(0, left, "the last drop line counts whole lines after tick " + last);
        return k - last;
    }

    private static List<LogEntry> readFiles(Path logs) throws IOException {
        List<LogEntry> all = new ArrayList<>();
        for (int i = 100; i >= 0; i--) {
            Path f = logs.resolve(i == 0 ? "console.log" : "console.log." + i);
            if (!Files.exists(f)) continue;
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) all.add(JSON.readValue(line, LogEntry.class));
            }
        }
        return all;
    }

    private static List<String> texts(List<LogEntry> entries) {
        return entries.stream().map(e -> e.seq() + " " + e.stream() + " " + e.log()).toList();
    }

    private static String summary(List<LogEntry> entries) {
        return entries.size() + " entries, kiln lines: "
                + entries.stream().filter(e -> e.stream().equals(LogEntry.KILN)).map(LogEntry::log).toList();
    }
}
