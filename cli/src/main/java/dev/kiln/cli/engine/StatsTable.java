package dev.kiln.cli.engine;

import dev.kiln.engine.api.ApiJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of `kiln stats` and `kiln top` (one row per VM, as `docker stats`), or its JSON lines. */
final class StatsTable {
    static final String[] HEADER = {"NAME", "CPU %", "MEM TOUCHED / LIMIT", "MEM %", "NET I/O", "EXITS/S", "GC PAUSE"};

    private StatsTable() {}

    static void print(PrintStream out, List<VmRates> vms, boolean json) throws Exception {
        if (json) {
            for (VmRates v : vms) out.println(ApiJson.mapper().writeValueAsString(v));
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (VmRates v : vms) rows.add(row(v));
        int[] width = new int[HEADER.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder text = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 3));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        out.print(text); // one write, so a refreshed table does not flicker line by line
        out.flush();
    }

    static String[] row(VmRates v) {
        String mem = (v.memoryTouchedBytes() == null ? "--" : bytes(v.memoryTouchedBytes())) + " / " + bytes(v.memoryLimitBytes());
        String memPercent = v.memoryTouchedBytes() == null || v.memoryLimitBytes() == 0 ? "--"
                : String.format(Locale.ROOT, "%.2f%%", 100.0 * v.memoryTouchedBytes() / v.memoryLimitBytes());
        String net = v.netRxBytes() == null ? "--" : bytes(v.netRxBytes()) + " / " + bytes(v.netTxBytes());
        return new String[] {
            v.name(),
            v.cpuPercent() == null ? "--" : String.format(Locale.ROOT, "%.2f%%", v.cpuPercent()),
            mem, memPercent, net,
            String.format(Locale.ROOT, "%.0f", v.exitsPerSecond()),
            v.gcPauseMsPerSecond() == null ? "--" : String.format(Locale.ROOT, "%.1f ms/s", v.gcPauseMsPerSecond()),
        };
    }

    /** Binary units as the rest of Kiln writes memory: 0B, 512KiB, 1.5MiB, 2GiB. */
    static String bytes(long n) {
        if (n < 1024) return n + "B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String figure = v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        return figure + units[u];
    }
}
