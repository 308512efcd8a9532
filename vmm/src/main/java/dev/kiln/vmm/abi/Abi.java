package dev.kiln.vmm.abi;

/**
 * The Java mirror of guest/include/kiln/abi.h, the single source of truth for the hypercall
 * ABI. AbiAgreementTest parses that header and fails if anything here disagrees.
 */
public final class Abi {
    private Abi() {}

    public static final int ABI_VERSION = 3;
    /** The ELF note type (owner "Kiln") that carries the ABI version an image's runtime was built for. */
    public static final int NOTE_ABI = 2;

    public static final int HC_PORT_BASE = 0x500;

    public static final int HC_CONSOLE_WRITE = 1;
    public static final int HC_EXIT = 2;
    public static final int HC_WALLTIME = 3;
    public static final int HC_YIELD = 4;
    public static final int HC_ABORT = 5;
    public static final int HC_NET_NOTIFY = 6;
    /** The highest call number; ports HC_PORT_BASE+1 .. HC_PORT_BASE+HC_MAX are hypercalls. */
    public static final int HC_MAX = HC_NET_NOTIFY;

    public static final long CONSOLE_WRITE_MAX = 1L << 20;
    public static final long ABORT_MESSAGE_MAX = 4096;

    public static final int BOOT_MAGIC = 0x4e4c494b;

    public static final long READY_NET_RX = 1, READY_NET_TX = 2, READY_STOP = 4;

    // the control page
    public static final long CONTROL_SIZE = 4096;

    // the stats page
    public static final long STATS_SIZE = 4096;
    public static final int STATS_MAGIC = 0x5354534b;
    public static final int STATS_HAS_RUNTIME = 1, STATS_HAS_NET = 2, STATS_HAS_GC_PAUSES = 4;
    /** Buckets of the GC pause histogram: bucket i counts pauses of [2^(i-1), 2^i) us; 0 under 1 us, the last the rest. */
    public static final int STATS_GC_BUCKETS = 20;
    public static final int STATS_METRICS_OFFSET = 256, STATS_METRIC_SIZE = 64;
    public static final int STATS_METRICS_MAX = (int) ((STATS_SIZE - STATS_METRICS_OFFSET) / STATS_METRIC_SIZE);
    public static final int STATS_NAME_SIZE = 48;
    public static final int METRIC_COUNTER = 1, METRIC_GAUGE = 2;

    // the net device's region (see abi.h)
    public static final int NET_QUEUE_RX = 0, NET_QUEUE_TX = 1;
    public static final int NET_QUEUE_SIZE = 256;
    public static final long NET_QUEUE_STRIDE = 0x3000, NET_DESC_OFFSET = 0, NET_AVAIL_OFFSET = 0x1000,
            NET_USED_OFFSET = 0x2000, NET_BUFFERS_OFFSET = 2 * NET_QUEUE_STRIDE;
    public static final int NET_BUF_SIZE = 2048;
    public static final long NET_REGION_SIZE = NET_BUFFERS_OFFSET + 2L * NET_QUEUE_SIZE * NET_BUF_SIZE;
    public static final int NET_DESC_F_WRITE = 2;
    public static final int NET_ETH_HEADER = 14, NET_MTU_MIN = 68, NET_MTU_MAX = NET_BUF_SIZE - NET_ETH_HEADER;
    public static final long NET_NOTIFY_RX = 1L << NET_QUEUE_RX, NET_NOTIFY_TX = 1L << NET_QUEUE_TX;

    /** KILN_HC_PORT(call). */
    public static int port(int call) {
        return HC_PORT_BASE + call;
    }

    // struct kiln_hc_console_write
    public static final int CONSOLE_WRITE_DATA = 0, CONSOLE_WRITE_LEN = 8, CONSOLE_WRITE_SIZE = 16;
    // struct kiln_hc_exit
    public static final int EXIT_STATUS = 0, EXIT_SIZE = 8;
    // struct kiln_hc_walltime
    public static final int WALLTIME_NS = 0, WALLTIME_SIZE = 8;
    // struct kiln_hc_yield
    public static final int YIELD_TIMEOUT_NS = 0, YIELD_READY = 8, YIELD_SIZE = 16;
    // struct kiln_hc_abort
    public static final int ABORT_MSG = 0, ABORT_LEN = 8, ABORT_SIZE = 16;
    // struct kiln_hc_net_notify
    public static final int NET_NOTIFY_QUEUES = 0, NET_NOTIFY_SIZE = 8;
    // struct kiln_net_desc
    public static final int DESC_ADDR = 0, DESC_LEN = 8, DESC_FLAGS = 12, DESC_NEXT = 14, DESC_SIZE = 16;
    // struct kiln_net_avail
    public static final int AVAIL_FLAGS = 0, AVAIL_IDX = 2, AVAIL_RING = 4, AVAIL_USED_EVENT = 4 + 2 * NET_QUEUE_SIZE,
            AVAIL_SIZE = AVAIL_USED_EVENT + 2;
    // struct kiln_net_used
    public static final int USED_FLAGS = 0, USED_IDX = 2, USED_RING = 4, USED_AVAIL_EVENT = 4 + 8 * NET_QUEUE_SIZE,
            USED_SIZE = USED_AVAIL_EVENT + 4;
    // struct kiln_boot_info
    public static final int BOOT_INFO_MAGIC = 0, BOOT_INFO_ABI_VERSION = 4, BOOT_INFO_MEM_SIZE = 8,
            BOOT_INFO_HEAP_START = 16, BOOT_INFO_HEAP_END = 24, BOOT_INFO_STACK_TOP = 32, BOOT_INFO_TSC_KHZ = 40,
            BOOT_INFO_WALLCLOCK_NS = 48, BOOT_INFO_BOOT_TSC = 56, BOOT_INFO_ARGC = 64, BOOT_INFO_ARGV = 72,
            BOOT_INFO_ENVC = 80, BOOT_INFO_ENVP = 88, BOOT_INFO_NET_BASE = 96, BOOT_INFO_NET_MAC = 104,
            BOOT_INFO_NET_MTU = 112, BOOT_INFO_NET_IPV4 = 116, BOOT_INFO_NET_PREFIX_LEN = 120,
            BOOT_INFO_NET_GATEWAY = 124, BOOT_INFO_NET_DNS = 128, BOOT_INFO_RESERVED = 132, BOOT_INFO_CONTROL = 136,
            BOOT_INFO_STATS = 144, BOOT_INFO_SIZE = 152;
    // struct kiln_control
    public static final int CONTROL_STOP_REQUESTED = 0, CONTROL_STRUCT_SIZE = 8;
    // struct kiln_stats
    public static final int STATS_SEQ = 0, STATS_MAGIC_FIELD = 8, STATS_PRESENT = 12, STATS_METRIC_COUNT = 16,
            STATS_RESERVED = 20, STATS_GC_COLLECTIONS = 24, STATS_GC_PAUSE_NS = 32, STATS_HEAP_USED = 40,
            STATS_HEAP_LIMIT = 48, STATS_GREEN_THREADS = 56, STATS_TCP_OPEN = 64, STATS_TCP_ACCEPTED = 72,
            STATS_TCP_RESET = 80, STATS_TCP_RETRANSMITTED = 88, STATS_UDP_IN = 96, STATS_UDP_OUT = 104,
            STATS_GC_PAUSE_MAX_NS = 112, STATS_GC_PAUSE_BUCKETS = 120, STATS_STRUCT_SIZE = 200;
    // struct kiln_stats_metric
    public static final int METRIC_NAME = 0, METRIC_KIND = 48, METRIC_RESERVED = 52, METRIC_VALUE = 56,
            METRIC_STRUCT_SIZE = 64;
    // struct kiln_net_info (what kiln_net_init hands the image's stack; libos reads it at these offsets)
    public static final int NET_INFO_MAC = 0, NET_INFO_MTU = 8, NET_INFO_IPV4 = 12, NET_INFO_PREFIX_LEN = 16,
            NET_INFO_GATEWAY = 20, NET_INFO_DNS = 24, NET_INFO_RESERVED = 28, NET_INFO_SIZE = 32;
}
