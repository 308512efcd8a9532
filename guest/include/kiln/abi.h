/*
 * Kiln hypercall ABI, version 3: the one source of truth for the guest/VMM interface.
 *
 * The VMM's Java mirror (vmm/src/main/java/dev/kiln/vmm/abi/Abi.java) is checked
 * against this file by AbiAgreementTest, which parses the #defines and the
 * struct layouts below. Change both together. docs/abi.md explains the rules.
 *
 * A hypercall is one 32-bit port write at CPL 3 (IOPL is 3):
 *     outl %eax, %dx      dx = KILN_HC_PORT(call), eax = guest-physical address of the argument block
 * Guest virtual addresses equal guest-physical ones (identity map), so a pointer
 * to a block on the stack or in .data is passed as is. Every block is 8-byte aligned,
 * made of little-endian 64-bit fields, and lies wholly inside guest memory.
 * The VMM writes "out" fields before the guest's next instruction runs.
 */
#ifndef KILN_ABI_H
#define KILN_ABI_H

#define KILN_ABI_VERSION 3

/*
 * Every image says which ABI its runtime was built for: an ELF note (owner "Kiln", this type,
 * a 4-byte descriptor holding KILN_ABI_VERSION) in section .note.kiln.abi, emitted by the
 * runtime's entry (runtime/start.S). The monitor refuses an image without it or with another
 * version, asking for a rebuild, before it runs a single instruction.
 */
#define KILN_NOTE_ABI 2

#define KILN_HC_PORT_BASE 0x500
#define KILN_HC_PORT(call) (KILN_HC_PORT_BASE + (call))

/* Call numbers. */
#define KILN_HC_CONSOLE_WRITE 1
#define KILN_HC_EXIT 2
#define KILN_HC_WALLTIME 3
#define KILN_HC_YIELD 4
#define KILN_HC_ABORT 5
#define KILN_HC_NET_NOTIFY 6

/* Limits the VMM enforces; a call beyond them ends the VM as a bad hypercall. */
#define KILN_CONSOLE_WRITE_MAX (1u << 20)
#define KILN_ABORT_MESSAGE_MAX 4096u

/* Bits of kiln_hc_yield.ready: which device has work for the guest. */
#define KILN_READY_NET_RX (1u << 0) /* the rx ring's used idx passed its used_event: frames wait */
#define KILN_READY_NET_TX (1u << 1) /* the tx ring's used idx passed its used_event: buffers came back */
#define KILN_READY_STOP (1u << 2)   /* the monitor asked the guest to stop (struct kiln_control); reported once */

/*
 * The control page (docs/abi.md, "Stopping"): one page the monitor writes while the guest runs
 * and the guest may only read (a write faults). The boot info's `control` is its address.
 */
#define KILN_CONTROL_SIZE 4096u

/*
 * The stats page (docs/abi.md, "The stats page"): guest memory the monitor reserves after the
 * heap (the boot info's `stats`), written by the image's runtime with plain stores and read by
 * the monitor when asked, consistent through `seq` (a sequence lock: odd while the guest
 * writes). struct kiln_stats at the start, then a table of KILN_STATS_METRICS_MAX
 * struct kiln_stats_metric from KILN_STATS_METRICS_OFFSET. The monitor checks every value.
 */
#define KILN_STATS_SIZE 4096u
#define KILN_STATS_MAGIC 0x5354534bu /* "KSTS" little-endian: the runtime initialised the page */
#define KILN_STATS_HAS_RUNTIME (1u << 0) /* gc_*, heap_* and green_threads are maintained */
#define KILN_STATS_HAS_NET (1u << 1)     /* tcp_* and udp_* are maintained */
#define KILN_STATS_HAS_GC_PAUSES (1u << 2) /* gc_pause_max_ns and gc_pause_buckets are maintained */
/* gc_pause_buckets[i] counts pauses of [2^(i-1), 2^i) microseconds (bucket 0: under 1 us; the
 * last bucket: 2^(KILN_STATS_GC_BUCKETS-2) us and longer). Counters wrap at 2^32. */
#define KILN_STATS_GC_BUCKETS 20u
#define KILN_STATS_METRICS_OFFSET 256u
#define KILN_STATS_METRIC_SIZE 64u
#define KILN_STATS_METRICS_MAX ((KILN_STATS_SIZE - KILN_STATS_METRICS_OFFSET) / KILN_STATS_METRIC_SIZE)
#define KILN_STATS_NAME_SIZE 48u /* name bytes: printable ASCII, NUL-padded, at least one NUL */
#define KILN_METRIC_COUNTER 1u   /* value: a count that only grows, 0..2^63-1 */
#define KILN_METRIC_GAUGE 2u     /* value: a signed 64-bit level */

/*
 * The net device (docs/abi.md, "The net device"). When the VM has one, the boot info's
 * net_base is the guest-physical address of a KILN_NET_REGION_SIZE-byte region, page-aligned,
 * R+W+NX, carved off the end of the heap. It holds two queues in the manner of virtio split
 * rings with VIRTIO_F_EVENT_IDX, queue q at net_base + q * KILN_NET_QUEUE_STRIDE, then
 * buffer space the guest may use for frames. Indices are free-running 16-bit counters.
 */
#define KILN_NET_QUEUE_RX 0 /* the guest posts empty buffers, the VMM returns them with a frame */
#define KILN_NET_QUEUE_TX 1 /* the guest posts frames, the VMM returns the buffers once sent */
#define KILN_NET_QUEUE_SIZE 256u /* descriptors per queue (a power of two) */
#define KILN_NET_QUEUE_STRIDE 0x3000u
#define KILN_NET_DESC_OFFSET 0x0000u  /* struct kiln_net_desc[KILN_NET_QUEUE_SIZE], guest-written */
#define KILN_NET_AVAIL_OFFSET 0x1000u /* struct kiln_net_avail, guest-written */
#define KILN_NET_USED_OFFSET 0x2000u  /* struct kiln_net_used, VMM-written */
#define KILN_NET_BUFFERS_OFFSET (2 * KILN_NET_QUEUE_STRIDE)
#define KILN_NET_BUF_SIZE 2048u /* one buffer slot of the buffer space */
#define KILN_NET_REGION_SIZE (KILN_NET_BUFFERS_OFFSET + 2 * KILN_NET_QUEUE_SIZE * KILN_NET_BUF_SIZE)
#define KILN_NET_DESC_F_WRITE 2u /* the VMM writes this buffer (every rx descriptor, no tx descriptor) */
#define KILN_NET_ETH_HEADER 14u
#define KILN_NET_MTU_MIN 68u
#define KILN_NET_MTU_MAX (KILN_NET_BUF_SIZE - KILN_NET_ETH_HEADER)
/* The notify hypercall's queue mask. */
#define KILN_NET_NOTIFY_RX (1u << KILN_NET_QUEUE_RX)
#define KILN_NET_NOTIFY_TX (1u << KILN_NET_QUEUE_TX)

/* Boot info: RDI at the entry point holds its address; the block is read-only. */
#define KILN_BOOT_MAGIC 0x4e4c494bu /* "KILN" little-endian */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct kiln_hc_console_write {
    uint64_t data; /* in: address of the bytes */
    uint64_t len;  /* in: at most KILN_CONSOLE_WRITE_MAX */
};

struct kiln_hc_exit {
    uint64_t status; /* in: the low 8 bits become the exit status of `kiln run` */
};

struct kiln_hc_walltime {
    uint64_t ns; /* out: nanoseconds since 1970-01-01T00:00:00Z */
};

struct kiln_hc_yield {
    uint64_t timeout_ns; /* in: block at most this long; 0 only polls */
    uint64_t ready;      /* out: KILN_READY_* bits of the devices with work */
};

struct kiln_hc_net_notify {
    uint64_t queues; /* in: KILN_NET_NOTIFY_RX and/or KILN_NET_NOTIFY_TX: the guest made descriptors available */
};

/* One buffer. Chaining (virtio's NEXT flag) does not exist: one frame, one descriptor. */
struct kiln_net_desc {
    uint64_t addr;  /* guest-physical address of the buffer, in memory the guest may write */
    uint32_t len;   /* rx: buffer size, at least mtu + 14; tx: frame length, 14 to mtu + 14 (others are dropped) */
    uint16_t flags; /* rx: KILN_NET_DESC_F_WRITE; tx: 0; any other bit ends the VM */
    uint16_t next;  /* unused, ignored */
};

struct kiln_net_avail {
    uint16_t flags;      /* reserved, ignored */
    uint16_t idx;        /* the guest: number of descriptor heads ever made available (free-running) */
    uint16_t ring[KILN_NET_QUEUE_SIZE]; /* heads, ring[idx % KILN_NET_QUEUE_SIZE] */
    uint16_t used_event; /* the guest: wake my yield when used idx passes this (event index) */
};

struct kiln_net_used {
    uint16_t flags;       /* reserved, 0 */
    uint16_t idx;         /* the VMM: number of descriptors ever returned (free-running) */
    uint32_t ring[2 * KILN_NET_QUEUE_SIZE]; /* pairs { id: the head returned, len: bytes written (rx) or 0 (tx) } */
    uint16_t avail_event; /* the VMM: notify me when avail idx passes this (event index) */
};

struct kiln_hc_abort {
    uint64_t msg; /* in: address of a message, not NUL-terminated */
    uint64_t len; /* in: truncated to KILN_ABORT_MESSAGE_MAX */
};

/* The control page: written by the monitor only. */
struct kiln_control {
    uint64_t stop_requested; /* 0; 1 once the monitor asks the guest to stop (it never goes back to 0) */
};

/* The head of the stats page; every field is the guest's to write (the monitor trusts none). */
struct kiln_stats {
    uint64_t seq;               /* sequence lock: odd while the guest writes, +1 before and after each update */
    uint32_t magic;             /* KILN_STATS_MAGIC once initialised; 0 = nothing published */
    uint32_t present;           /* KILN_STATS_HAS_* bits: which groups below are maintained */
    uint32_t metric_count;      /* entries in use in the metric table, 0..KILN_STATS_METRICS_MAX */
    uint32_t reserved;          /* 0 */
    uint64_t gc_collections;    /* garbage collections so far */
    uint64_t gc_pause_ns;       /* total time the program stood still for them */
    uint64_t heap_used;         /* bytes of the heap in use */
    uint64_t heap_limit;        /* bytes the heap may reach */
    uint64_t green_threads;     /* live Java threads (green threads on the one vCPU) */
    uint64_t tcp_open;          /* TCP connections open now (any state but TIME-WAIT and CLOSED) */
    uint64_t tcp_accepted;      /* TCP connections accepted (passive opens completed) */
    uint64_t tcp_reset;         /* TCP connections ended by a reset, sent or received */
    uint64_t tcp_retransmitted; /* TCP segments sent again */
    uint64_t udp_in;            /* UDP datagrams delivered to a socket */
    uint64_t udp_out;           /* UDP datagrams sent */
    uint64_t gc_pause_max_ns;   /* the longest pause so far */
    uint32_t gc_pause_buckets[KILN_STATS_GC_BUCKETS]; /* pauses by length, log2 of microseconds */
};

/* One application metric, at KILN_STATS_METRICS_OFFSET + i * KILN_STATS_METRIC_SIZE. */
struct kiln_stats_metric {
    uint8_t name[KILN_STATS_NAME_SIZE]; /* [A-Za-z_][A-Za-z0-9_]*, NUL-padded */
    uint32_t kind;                      /* KILN_METRIC_COUNTER or KILN_METRIC_GAUGE */
    uint32_t reserved;                  /* 0 */
    uint64_t value;                     /* see the kind */
};

struct kiln_boot_info {
    uint32_t magic;            /* KILN_BOOT_MAGIC */
    uint32_t abi_version;      /* KILN_ABI_VERSION */
    uint64_t mem_size;         /* bytes of guest-physical memory */
    uint64_t heap_start;       /* first free byte after the image, page-aligned */
    uint64_t heap_end;         /* end of the heap (exclusive); the stats page, the net region (if any), then the stack's guard page follow */
    uint64_t stack_top;        /* initial RSP + 8 (16-byte aligned) */
    uint64_t tsc_khz;          /* TSC frequency, from KVM_GET_TSC_KHZ */
    uint64_t wallclock_ns;     /* wall-clock time when the TSC read boot_tsc */
    uint64_t boot_tsc;         /* guest TSC at wallclock_ns (the VMM resets the guest TSC to it) */
    uint64_t argc;             /* arguments, argv[0] is the image name */
    uint64_t argv;             /* address of argc pointers to NUL-terminated strings */
    uint64_t envc;             /* environment, "KEY=VALUE" strings */
    uint64_t envp;             /* address of envc pointers */
    uint64_t net_base;         /* the net region (KILN_NET_REGION_SIZE bytes); 0 = the VM has no net device */
    uint64_t net_mac;          /* low 48 bits, first byte of the address in bits 47..40 */
    uint32_t net_mtu;          /* IP MTU, KILN_NET_MTU_MIN..KILN_NET_MTU_MAX */
    uint32_t net_ipv4;         /* static address (host byte order); 0 = use DHCP */
    uint32_t net_prefix_len;   /* 0..32 (0 with net_ipv4 0) */
    uint32_t net_gateway;      /* host byte order; 0 = none */
    uint32_t net_dns;          /* the DNS resolver the guest should ask (host byte order); 0 = none */
    uint32_t reserved;         /* 0 */
    uint64_t control;          /* the control page (struct kiln_control, KILN_CONTROL_SIZE bytes), read-only */
    uint64_t stats;            /* the stats page (struct kiln_stats, KILN_STATS_SIZE bytes), read-write */
};

/*
 * What kiln_net_init (kiln/net.h) hands the image's network stack: the boot info's net_*
 * fields, copied by the guest's driver. The Java side (libos's ImageNetwork) reads it at the
 * offsets of Abi.java's NET_INFO_* constants, which AbiAgreementTest checks against this.
 */
struct kiln_net_info {
    uint64_t mac;        /* low 48 bits; the address's first byte in bits 47..40 (0x024b494c4e02 = 02:4b:49:4c:4e:02) */
    uint32_t mtu;        /* IP MTU, KILN_NET_MTU_MIN..KILN_NET_MTU_MAX; a frame is at most mtu + 14 bytes */
    uint32_t ipv4;       /* static address in host byte order (10.0.0.2 = 0x0a000002); 0 = use DHCP */
    uint32_t prefix_len; /* e.g. 24 */
    uint32_t gateway;    /* host byte order; 0 = none */
    uint32_t dns;        /* the DNS resolver (host byte order); 0 = none */
    uint32_t reserved;   /* 0 */
};
#endif

#endif
