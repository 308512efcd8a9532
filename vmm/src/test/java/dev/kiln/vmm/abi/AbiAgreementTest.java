package dev.kiln.vmm.abi;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Parses guest/include/kiln/abi.h, the single source of truth, and checks {@link Abi}
 * against it: every object-like #define, and every struct's field offsets and size
 * (fields are uintN_t, laid out with natural alignment as gcc does on x86-64).
 */
class AbiAgreementTest {
    private static final Pattern DEFINE = Pattern.compile("(?m)^#define[ \\t]+(KILN_\\w+)[ \\t]+([^\\n]+?)[ \\t]*(/\\*[^\\n]*)?$");
    private static final Pattern STRUCT = Pattern.compile("struct\\s+(kiln_\\w+)\\s*\\{(.*?)\\};", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("uint(8|16|32|64)_t\\s+(\\w+)\\s*(?:\\[([^\\]]+)\\])?\\s*;");

    private static String header() throws Exception {
        String dir = System.getProperty("kiln.guest.include");
        assertNotNull(dir, "kiln.guest.include is not set (run through Maven)");
        return Files.readString(Path.of(dir, "kiln", "abi.h"));
    }

    static Map<String, Long> defines(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = DEFINE.matcher(text);
        while (m.find()) {
            String name = m.group(1), body = m.group(2);
            if (body.isEmpty()) continue;
            out.put(name, new Expr(body, out).parse());
        }
        return out;
    }

    /** struct name -> (field -> {offset, size}), plus "sizeof" -> {size, 0}. */
    static Map<String, Map<String, long[]>> structs(String text) {
        Map<String, Long> defines = defines(text);
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        Matcher m = STRUCT.matcher(text);
        while (m.find()) {
            Map<String, long[]> fields = new LinkedHashMap<>();
            long off = 0, align = 1;
            String body = m.group(2).replaceAll("/\\*.*?\\*/", "");
            for (String decl : body.split(";")) {
                if (decl.isBlank()) continue;
                Matcher f = FIELD.matcher(decl.trim() + ";");
                if (!f.matches()) fail("abi.h: cannot parse field \"" + decl.trim() + "\" of struct " + m.group(1));
                long size = Long.parseLong(f.group(1)) / 8;
                long count = f.group(3) == null ? 1 : new Expr(f.group(3), defines).parse();
                off = (off + size - 1) / size * size;
                fields.put(f.group(2), new long[] {off, size * count});
                off += size * count;
                align = Math.max(align, size);
            }
            fields.put("sizeof", new long[] {(off + align - 1) / align * align, 0});
            out.put(m.group(1), fields);
        }
        return out;
    }

    @Test
    void definesAgree() throws Exception {
        Map<String, Long> d = defines(header());
        Map<String, Long> java = new HashMap<>();
        java.put("KILN_ABI_VERSION", (long) Abi.ABI_VERSION);
        java.put("KILN_HC_PORT_BASE", (long) Abi.HC_PORT_BASE);
        java.put("KILN_HC_CONSOLE_WRITE", (long) Abi.HC_CONSOLE_WRITE);
        java.put("KILN_HC_EXIT", (long) Abi.HC_EXIT);
        java.put("KILN_HC_WALLTIME", (long) Abi.HC_WALLTIME);
        java.put("KILN_HC_YIELD", (long) Abi.HC_YIELD);
        java.put("KILN_HC_ABORT", (long) Abi.HC_ABORT);
        java.put("KILN_CONSOLE_WRITE_MAX", Abi.CONSOLE_WRITE_MAX);
        java.put("KILN_ABORT_MESSAGE_MAX", Abi.ABORT_MESSAGE_MAX);
        java.put("KILN_BOOT_MAGIC", Abi.BOOT_MAGIC & 0xffffffffL);
        java.put("KILN_HC_NET_NOTIFY", (long) Abi.HC_NET_NOTIFY);
        java.put("KILN_READY_NET_RX", Abi.READY_NET_RX);
        java.put("KILN_READY_NET_TX", Abi.READY_NET_TX);
        java.put("KILN_NET_QUEUE_RX", (long) Abi.NET_QUEUE_RX);
        java.put("KILN_NET_QUEUE_TX", (long) Abi.NET_QUEUE_TX);
        java.put("KILN_NET_QUEUE_SIZE", (long) Abi.NET_QUEUE_SIZE);
        java.put("KILN_NET_QUEUE_STRIDE", Abi.NET_QUEUE_STRIDE);
        java.put("KILN_NET_DESC_OFFSET", Abi.NET_DESC_OFFSET);
        java.put("KILN_NET_AVAIL_OFFSET", Abi.NET_AVAIL_OFFSET);
        java.put("KILN_NET_USED_OFFSET", Abi.NET_USED_OFFSET);
        java.put("KILN_NET_BUFFERS_OFFSET", Abi.NET_BUFFERS_OFFSET);
        java.put("KILN_NET_BUF_SIZE", (long) Abi.NET_BUF_SIZE);
        java.put("KILN_NET_REGION_SIZE", Abi.NET_REGION_SIZE);
        java.put("KILN_NET_DESC_F_WRITE", (long) Abi.NET_DESC_F_WRITE);
        java.put("KILN_NET_ETH_HEADER", (long) Abi.NET_ETH_HEADER);
        java.put("KILN_NET_MTU_MIN", (long) Abi.NET_MTU_MIN);
        java.put("KILN_NET_MTU_MAX", (long) Abi.NET_MTU_MAX);
        java.put("KILN_NET_NOTIFY_RX", Abi.NET_NOTIFY_RX);
        java.put("KILN_NET_NOTIFY_TX", Abi.NET_NOTIFY_TX);
        java.put("KILN_NOTE_ABI", (long) Abi.NOTE_ABI);
        java.put("KILN_READY_STOP", Abi.READY_STOP);
        java.put("KILN_CONTROL_SIZE", Abi.CONTROL_SIZE);
        java.put("KILN_STATS_SIZE", Abi.STATS_SIZE);
        java.put("KILN_STATS_MAGIC", (long) Abi.STATS_MAGIC);
        java.put("KILN_STATS_HAS_RUNTIME", (long) Abi.STATS_HAS_RUNTIME);
        java.put("KILN_STATS_HAS_NET", (long) Abi.STATS_HAS_NET);
        java.put("KILN_STATS_HAS_GC_PAUSES", (long) Abi.STATS_HAS_GC_PAUSES);
        java.put("KILN_STATS_GC_BUCKETS", (long) Abi.STATS_GC_BUCKETS);
        java.put("KILN_STATS_METRICS_OFFSET", (long) Abi.STATS_METRICS_OFFSET);
        java.put("KILN_STATS_METRIC_SIZE", (long) Abi.STATS_METRIC_SIZE);
        java.put("KILN_STATS_METRICS_MAX", (long) Abi.STATS_METRICS_MAX);
        java.put("KILN_STATS_NAME_SIZE", (long) Abi.STATS_NAME_SIZE);
        java.put("KILN_METRIC_COUNTER", (long) Abi.METRIC_COUNTER);
        java.put("KILN_METRIC_GAUGE", (long) Abi.METRIC_GAUGE);
        for (String name : d.keySet()) {
            if (name.equals("KILN_ABI_H")) continue;
            assertTrue(java.containsKey(name), "abi.h defines " + name + " but Abi.java has no mirror of it");
            assertEquals(d.get(name), java.get(name), name);
        }
        assertEquals(java.keySet().size(), d.keySet().stream().filter(n -> !n.equals("KILN_ABI_H")).count(),
                "Abi.java mirrors a define abi.h no longer has: " + java.keySet() + " vs " + d.keySet());
        long highest = d.entrySet().stream().filter(e -> e.getKey().startsWith("KILN_HC_") && !e.getKey().equals("KILN_HC_PORT_BASE"))
                .mapToLong(Map.Entry::getValue).max().orElseThrow();
        assertEquals(highest, Abi.HC_MAX, "HC_MAX must be the highest call number");
        assertTrue(header().contains("#define KILN_HC_PORT(call) (KILN_HC_PORT_BASE + (call))"), "KILN_HC_PORT changed");
        assertEquals(0x501, Abi.port(Abi.HC_CONSOLE_WRITE));
    }

    @Test
    void structLayoutsAgree() throws Exception {
        Map<String, Map<String, long[]>> s = structs(header());
        List<String> expected = new ArrayList<>(List.of("kiln_hc_console_write", "kiln_hc_exit", "kiln_hc_walltime",
                "kiln_hc_yield", "kiln_hc_net_notify", "kiln_net_desc", "kiln_net_avail", "kiln_net_used", "kiln_hc_abort",
                "kiln_control", "kiln_stats", "kiln_stats_metric", "kiln_boot_info", "kiln_net_info"));
        assertEquals(expected, new ArrayList<>(s.keySet()), "the structs in abi.h changed");
        check(s, "kiln_hc_console_write", Abi.CONSOLE_WRITE_SIZE, "data", Abi.CONSOLE_WRITE_DATA, "len", Abi.CONSOLE_WRITE_LEN);
        check(s, "kiln_hc_exit", Abi.EXIT_SIZE, "status", Abi.EXIT_STATUS);
        check(s, "kiln_hc_walltime", Abi.WALLTIME_SIZE, "ns", Abi.WALLTIME_NS);
        check(s, "kiln_hc_yield", Abi.YIELD_SIZE, "timeout_ns", Abi.YIELD_TIMEOUT_NS, "ready", Abi.YIELD_READY);
        check(s, "kiln_hc_abort", Abi.ABORT_SIZE, "msg", Abi.ABORT_MSG, "len", Abi.ABORT_LEN);
        check(s, "kiln_hc_net_notify", Abi.NET_NOTIFY_SIZE, "queues", Abi.NET_NOTIFY_QUEUES);
        check(s, "kiln_net_desc", Abi.DESC_SIZE, "addr", Abi.DESC_ADDR, "len", Abi.DESC_LEN, "flags", Abi.DESC_FLAGS,
                "next", Abi.DESC_NEXT);
        check(s, "kiln_net_avail", Abi.AVAIL_SIZE, "flags", Abi.AVAIL_FLAGS, "idx", Abi.AVAIL_IDX, "ring", Abi.AVAIL_RING,
                "used_event", Abi.AVAIL_USED_EVENT);
        check(s, "kiln_net_used", Abi.USED_SIZE, "flags", Abi.USED_FLAGS, "idx", Abi.USED_IDX, "ring", Abi.USED_RING,
                "avail_event", Abi.USED_AVAIL_EVENT);
        check(s, "kiln_boot_info", Abi.BOOT_INFO_SIZE, "magic", Abi.BOOT_INFO_MAGIC, "abi_version", Abi.BOOT_INFO_ABI_VERSION,
                "mem_size", Abi.BOOT_INFO_MEM_SIZE, "heap_start", Abi.BOOT_INFO_HEAP_START, "heap_end", Abi.BOOT_INFO_HEAP_END,
                "stack_top", Abi.BOOT_INFO_STACK_TOP, "tsc_khz", Abi.BOOT_INFO_TSC_KHZ,
                "wallclock_ns", Abi.BOOT_INFO_WALLCLOCK_NS, "boot_tsc", Abi.BOOT_INFO_BOOT_TSC, "argc", Abi.BOOT_INFO_ARGC,
                "argv", Abi.BOOT_INFO_ARGV, "envc", Abi.BOOT_INFO_ENVC, "envp", Abi.BOOT_INFO_ENVP,
                "net_base", Abi.BOOT_INFO_NET_BASE, "net_mac", Abi.BOOT_INFO_NET_MAC, "net_mtu", Abi.BOOT_INFO_NET_MTU,
                "net_ipv4", Abi.BOOT_INFO_NET_IPV4, "net_prefix_len", Abi.BOOT_INFO_NET_PREFIX_LEN,
                "net_gateway", Abi.BOOT_INFO_NET_GATEWAY, "net_dns", Abi.BOOT_INFO_NET_DNS,
                "reserved", Abi.BOOT_INFO_RESERVED, "control", Abi.BOOT_INFO_CONTROL, "stats", Abi.BOOT_INFO_STATS);
        check(s, "kiln_net_info", Abi.NET_INFO_SIZE, "mac", Abi.NET_INFO_MAC, "mtu", Abi.NET_INFO_MTU,
                "ipv4", Abi.NET_INFO_IPV4, "prefix_len", Abi.NET_INFO_PREFIX_LEN, "gateway", Abi.NET_INFO_GATEWAY,
                "dns", Abi.NET_INFO_DNS, "reserved", Abi.NET_INFO_RESERVED);
        check(s, "kiln_control", Abi.CONTROL_STRUCT_SIZE, "stop_requested", Abi.CONTROL_STOP_REQUESTED);
        check(s, "kiln_stats", Abi.STATS_STRUCT_SIZE, "seq", Abi.STATS_SEQ, "magic", Abi.STATS_MAGIC_FIELD,
                "present", Abi.STATS_PRESENT, "metric_count", Abi.STATS_METRIC_COUNT, "reserved", Abi.STATS_RESERVED,
                "gc_collections", Abi.STATS_GC_COLLECTIONS, "gc_pause_ns", Abi.STATS_GC_PAUSE_NS,
                "heap_used", Abi.STATS_HEAP_USED, "heap_limit", Abi.STATS_HEAP_LIMIT,
                "green_threads", Abi.STATS_GREEN_THREADS, "tcp_open", Abi.STATS_TCP_OPEN,
                "tcp_accepted", Abi.STATS_TCP_ACCEPTED, "tcp_reset", Abi.STATS_TCP_RESET,
                "tcp_retransmitted", Abi.STATS_TCP_RETRANSMITTED, "udp_in", Abi.STATS_UDP_IN, "udp_out", Abi.STATS_UDP_OUT,
                "gc_pause_max_ns", Abi.STATS_GC_PAUSE_MAX_NS, "gc_pause_buckets", Abi.STATS_GC_PAUSE_BUCKETS);
        check(s, "kiln_stats_metric", Abi.METRIC_STRUCT_SIZE, "name", Abi.METRIC_NAME, "kind", Abi.METRIC_KIND,
                "reserved", Abi.METRIC_RESERVED, "value", Abi.METRIC_VALUE);
        // The fixed head and the metric table must fit the page, and a metric entry must be its struct.
        assertTrue(Abi.STATS_STRUCT_SIZE <= Abi.STATS_METRICS_OFFSET, "struct kiln_stats overlaps the metric table");
        assertEquals(Abi.METRIC_STRUCT_SIZE, Abi.STATS_METRIC_SIZE, "KILN_STATS_METRIC_SIZE vs struct kiln_stats_metric");
        assertEquals(Abi.STATS_NAME_SIZE, s.get("kiln_stats_metric").get("name")[1], "kiln_stats_metric.name's size");
    }

    /** Java's offsets must be exactly the header's fields, in order, and the sizes must match. */
    private static void check(Map<String, Map<String, long[]>> all, String struct, int size, Object... fieldOffsets) {
        Map<String, long[]> fields = all.get(struct);
        assertNotNull(fields, "abi.h has no struct " + struct);
        assertEquals(fields.size() - 1, fieldOffsets.length / 2, struct + ": field count differs between abi.h and Abi.java");
        for (int i = 0; i < fieldOffsets.length; i += 2) {
            long[] f = fields.get((String) fieldOffsets[i]);
            assertNotNull(f, struct + " has no field " + fieldOffsets[i] + " in abi.h");
            assertEquals(f[0], ((Integer) fieldOffsets[i + 1]).longValue(), struct + "." + fieldOffsets[i] + " offset");
        }
        assertEquals(fields.get("sizeof")[0], size, "sizeof(struct " + struct + ")");
    }

    @Test
    void parserUnderstandsTheExpressionsUsed() {
        Map<String, Long> d = defines("#define KILN_A (1u << 20)\n#define KILN_B 0x4e4c494bu /* x */\n#define KILN_C (KILN_A + 4096u)\n"
                + "#define KILN_D ((KILN_C - 4096) / 64u)\n");
        assertEquals((1L << 20) / 64, d.get("KILN_D"));
        assertEquals(1L << 20, d.get("KILN_A"));
        assertEquals(0x4e4c494bL, d.get("KILN_B"));
        assertEquals((1L << 20) + 4096, d.get("KILN_C"));
    }

    /** Integer constants (u/l suffixes), names defined earlier, parentheses, + - * / << >> |. */
    private static final class Expr {
        private final String s;
        private final Map<String, Long> known;
        private int p;

        Expr(String s, Map<String, Long> known) {
            this.s = s;
            this.known = known;
        }

        long parse() {
            long v = or();
            skip();
            if (p != s.length()) fail("abi.h: cannot evaluate \"" + s + "\"");
            return v;
        }

        private void skip() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) p++;
        }

        private boolean eat(String op) {
            skip();
            if (s.startsWith(op, p)) {
                p += op.length();
                return true;
            }
            return false;
        }

        private long or() {
            long v = shift();
            while (eat("|")) v |= shift();
            return v;
        }

        private long shift() {
            long v = sum();
            while (true) {
                if (eat("<<")) v <<= sum();
                else if (eat(">>")) v >>= sum();
                else return v;
            }
        }

        private long sum() {
            long v = product();
            while (true) {
                if (eat("+")) v += product();
                else if (eat("-")) v -= product();
                else return v;
            }
        }

        private long product() {
            long v = atom();
            while (true) {
                if (eat("*")) v *= atom();
                else if (eat("/")) v /= atom();
                else return v;
            }
        }

        private long atom() {
            skip();
            if (eat("(")) {
                long v = or();
                if (!eat(")")) fail("abi.h: missing ) in \"" + s + "\"");
                return v;
            }
            Matcher m = Pattern.compile("(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*|([A-Za-z_]\\w*)").matcher(s);
            if (!m.find(p) || m.start() != p) fail("abi.h: cannot evaluate \"" + s + "\" at " + p);
            p = m.end();
            if (m.group(2) != null) {
                Long v = known.get(m.group(2));
                if (v == null) fail("abi.h: " + m.group(2) + " is not defined before use in \"" + s + "\"");
                return v;
            }
            String n = m.group(1);
            return n.startsWith("0x") || n.startsWith("0X") ? Long.parseLong(n.substring(2), 16) : Long.parseLong(n);
        }
    }
}
