package dev.kiln.cli.compose;

import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.KilnClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The logs of several VMs in one stream, each line prefixed with its VM's SERVICE-N as Docker
 * Compose does: the console on stdout, kiln's lines about the VMs on stderr.
 */
final class ProjectLogs {
    private ProjectLogs() {}

    /** Everything kept so far (tail: the last N of each VM), merged by time. */
    static void print(KilnClient client, List<VmSummary> vms, Integer tail, boolean timestamps) {
        record Line(VmSummary vm, LogEntry entry) {}
        List<Line> all = new ArrayList<>();
        for (VmSummary v : vms) client.logs(v.id(), false, null, tail, e -> all.add(new Line(v, e)));
        all.sort(Comparator.comparing((Line l) -> l.entry().time()).thenComparingLong(l -> l.entry().seq()));
        Printer printer = new Printer(vms, timestamps);
        for (Line l : all) printer.print(l.vm(), l.entry());
    }

    /** Follows every VM (a virtual thread each) until all of them ended for good. */
    static void follow(KilnClient client, List<VmSummary> vms, Integer tail, boolean timestamps) throws InterruptedException {
        Printer printer = new Printer(vms, timestamps);
        List<Thread> readers = new ArrayList<>();
        for (VmSummary v : vms) {
            readers.add(Thread.ofVirtual().name("kiln-compose-logs-" + v.name()).start(() -> {
                try {
                    client.logs(v.id(), true, null, tail, e -> {
                        printer.print(v, e);
                        return true;
                    });
                } catch (RuntimeException e) {
                    synchronized (printer) {
                        System.err.println("kiln: error: " + v.name() + ": " + e.getMessage());
                    }
                }
            }));
        }
        for (Thread t : readers) t.join();
    }

    /** One prefix per VM, padded to the longest; a prefix only at the start of a line. */
    private static final class Printer {
        private final int width;
        private final boolean timestamps;
        private final java.util.Map<String, boolean[]> atLineStart = new java.util.HashMap<>();

        Printer(List<VmSummary> vms, boolean timestamps) {
            this.width = vms.stream().mapToInt(v -> ProjectVms.shortName(v).length()).max().orElse(0);
            this.timestamps = timestamps;
        }

        synchronized void print(VmSummary vm, LogEntry e) {
            boolean console = e.stream().equals(LogEntry.CONSOLE);
            PrintStream to = console ? System.out : System.err;
            boolean[] start = atLineStart.computeIfAbsent(vm.id() + (console ? "" : "/kiln"), k -> new boolean[] {true});
            if (start[0]) {
                String name = ProjectVms.shortName(vm);
                to.print(name + " ".repeat(width - name.length()) + "  | ");
                if (timestamps) to.print(e.time() + " ");
            }
            byte[] bytes = e.log().getBytes(StandardCharsets.UTF_8);
            to.write(bytes, 0, bytes.length);
            start[0] = e.log().endsWith("\n");
            to.flush();
        }
    }
}
