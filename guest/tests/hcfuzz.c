/*
 * The hypercall fuzzer guest (`kiln fuzz hypercalls`, dev.kiln.fuzz.HypercallFuzzer).
 *
 *     hcfuzz SEED [MAX_CALLS]
 *
 * Makes random hypercalls, seeded by SEED, until the monitor ends the VM or MAX_CALLS
 * (default 1000000) were made; then prints "hcfuzz: survived N calls" and exits 0.
 *
 * Most calls are ones the ABI allows (walltime, yield, console writes, net notifies, the
 * net rings driven correctly), so that one VM makes many calls and the monitor's happy paths
 * run between the attacks; about one iteration in HOSTILE_ONE_IN is an attack: a random port
 * (outside the Kiln range too, IN instructions, 8/16-bit OUTs, rep outs), an argument block or
 * a pointer inside one taken from a table of addresses the monitor must refuse (unmapped,
 * kernel half, non-canonical, GDT/TSS, page-table pool, boot info, text, guard page, just past
 * the end of memory, 2^63) or a length from a table of edges (0, huge, 2^63, ~0), or broken
 * net ring state (indices, heads, descriptors, flags, event indices). Most attacks end the VM
 * with a guest error (exit status 159); some are legal by chance, and the guest carries on.
 *
 * The guest never uses runtime/net.c or kiln_yield (they would keep their own ring state):
 * every hypercall here is a raw OUT/IN. The sequence of calls is a function of SEED, except
 * where the guest reads what the monitor's net thread wrote (the used indices), which depends
 * on timing.
 */
#include <kiln/kiln.h>

#define HOSTILE_ONE_IN 160
#define N KILN_NET_QUEUE_SIZE

static uint64_t rng;

static uint64_t rnd(void) { /* xorshift64* */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545f4914f6cdd1dull;
}
static uint64_t below(uint64_t n) { return rnd() % n; }

static uint64_t parse_u64(const char *s) {
    uint64_t v = 0;
    int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex) s += 2;
    for (;; s++) {
        int d;
        if (*s >= '0' && *s <= '9') d = *s - '0';
        else if (hex && *s >= 'a' && *s <= 'f') d = *s - 'a' + 10;
        else if (hex && *s >= 'A' && *s <= 'F') d = *s - 'A' + 10;
        else break;
        v = v * (hex ? 16 : 10) + (uint64_t)d;
    }
    return v;
}

/* ---- raw port I/O: the guest side of the ABI, and everything around it ---------------------- */

static void out32(uint16_t port, uint32_t value) {
    __asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port) : "memory");
}
static void out16(uint16_t port, uint16_t value) {
    __asm__ volatile("outw %0, %1" : : "a"(value), "Nd"(port) : "memory");
}
static void out8(uint16_t port, uint8_t value) {
    __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port) : "memory");
}
static uint32_t in32(uint16_t port) {
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port) : "memory");
    return v;
}
static uint16_t in16(uint16_t port) {
    uint16_t v;
    __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port) : "memory");
    return v;
}
static uint8_t in8(uint16_t port) {
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port) : "memory");
    return v;
}
/* rep outsl: `count` 32-bit values from src in one exit (KVM reports count > 1). */
static void outs32(uint16_t port, const void *src, uint64_t count) {
    __asm__ volatile("rep outsl" : "+S"(src), "+c"(count) : "d"(port) : "memory");
}

static uint64_t calls;

static void hc(unsigned call, uint64_t block) {
    calls++;
    out32((uint16_t)KILN_HC_PORT(call), (uint32_t)block);
}

/* ---- the address and length tables ------------------------------------------------------------ */

static const struct kiln_boot_info *bi;
static const char rodata_text[] = "hcfuzz: rodata bytes for the monitor to read";
static const uint64_t rodata_notify[1] = {KILN_NET_NOTIFY_TX};
static uint64_t blocks[8] __attribute__((aligned(64)));   /* .bss: writable argument blocks */
static uint8_t console_buf[4096];
static uint64_t heap_block;                             /* a writable block in the heap */
static uint64_t guard_page, net_base, frame_max;

/* Addresses the monitor must treat with suspicion; some are fine (readable or writable). */
static uint64_t pointer(void) {
    uint64_t end = bi->mem_size;
    switch (below(34)) {
    case 0: return 0;
    case 1: return 8;
    case 2: return 0xfff;
    case 3: return 0x1000;                     /* GDT: supervisor-only */
    case 4: return 0x1080;                     /* TSS */
    case 5: return 0x4000;                     /* boot info: read-only */
    case 6: return (uintptr_t)bi + 8 * below(16);
    case 7: return 0x14000 + 8 * below(512);   /* the page-table pool: never mapped for the guest */
    case 8: return 0x3ff000;
    case 9: return (uintptr_t)&pointer;        /* text */
    case 10: return (uintptr_t)rodata_text;
    case 11: return (uintptr_t)blocks;
    case 12: return bi->heap_start;
    case 13: return bi->heap_end - 8;
    case 14: return bi->heap_end;
    case 15: return net_base ? net_base + 8 * below(0x1000) : bi->heap_start;
    case 16: return guard_page + 8 * below(512); /* the stack's guard page: unmapped */
    case 17: return bi->stack_top - 8;
    case 18: return end - 8;
    case 19: return end - 4;                   /* straddles the end */
    case 20: return end;                       /* just past the end */
    case 21: return end + 4096;
    case 22: return 0xfffffff8ull;
    case 23: return 0x00007ffffffff000ull;
    case 24: return 0x0000800000000000ull;     /* non-canonical */
    case 25: return 0xdead000000000000ull;     /* non-canonical */
    case 26: return 0xffff800000000000ull;     /* kernel half */
    case 27: return 0xffffffff80000000ull;
    case 28: return 0x8000000000000000ull;     /* 2^63 */
    case 29: return 0xfffffffffffffff8ull;
    case 30: return 0xffffffffffffffffull;
    case 31: return rnd();
    case 32: return rnd() & 0xffffffffull;
    default: return (rnd() % end) & ~7ull;
    }
}

static uint64_t length(void) {
    switch (below(22)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return 7;
    case 3: return 13;
    case 4: return 14;
    case 5: return 60;
    case 6: return 4096;
    case 7: return 65536;
    case 8: return KILN_CONSOLE_WRITE_MAX;
    case 9: return KILN_CONSOLE_WRITE_MAX + 1;
    case 10: return KILN_ABORT_MESSAGE_MAX;
    case 11: return KILN_ABORT_MESSAGE_MAX + 1;
    case 12: return bi->mem_size;
    case 13: return 1ull << 31;
    case 14: return 1ull << 32;
    case 15: return (1ull << 32) + 1;
    case 16: return 1ull << 63;
    case 17: return ~0ull;
    case 18: return ~0ull - 7;
    case 19: return rnd();
    case 20: return below(1 << 20);
    default: return below(256);
    }
}

/* A block address for a call: usually a good one, sometimes unaligned by a few bytes. */
static uint64_t writable_block(void) {
    switch (below(4)) {
    case 0: return (uintptr_t)&blocks[below(6)];
    case 1: return heap_block;
    case 2: return net_base ? net_base + KILN_NET_BUFFERS_OFFSET + 8 * below(64) : (uintptr_t)blocks;
    default: return (uintptr_t)&blocks[0];
    }
}

/* ---- the net rings, driven the way the ABI says ----------------------------------------------- */

static volatile struct kiln_net_desc *desc(uint64_t q) { return (volatile struct kiln_net_desc *)(uintptr_t)q; }
static volatile struct kiln_net_avail *avail(uint64_t q) {
    return (volatile struct kiln_net_avail *)(uintptr_t)(q + KILN_NET_AVAIL_OFFSET);
}
static volatile struct kiln_net_used *used(uint64_t q) {
    return (volatile struct kiln_net_used *)(uintptr_t)(q + KILN_NET_USED_OFFSET);
}
static uint64_t rxq, txq;
static uint16_t rx_next, tx_next; /* the guest's avail indices */

static uint64_t buffer(int tx, unsigned slot) {
    return net_base + KILN_NET_BUFFERS_OFFSET + ((tx ? N : 0) + slot) * (uint64_t)KILN_NET_BUF_SIZE;
}

static void publish(uint64_t q, uint16_t *next, uint16_t slot) {
    avail(q)->ring[*next % N] = slot;
    __asm__ volatile("" ::: "memory"); /* x86 keeps stores in order; the compiler must too */
    *next = (uint16_t)(*next + 1);
    avail(q)->idx = *next;
}

/* An ARP request for the gateway (the host end of the tap): Linux answers, so frames come back. */
static uint32_t arp_request(uint8_t *f) {
    uint64_t mac = bi->net_mac;
    for (int i = 0; i < 6; i++) f[i] = 0xff;
    for (int i = 0; i < 6; i++) f[6 + i] = (uint8_t)(mac >> (40 - 8 * i));
    f[12] = 0x08; f[13] = 0x06;
    f[14] = 0; f[15] = 1; f[16] = 0x08; f[17] = 0; f[18] = 6; f[19] = 4; f[20] = 0; f[21] = 1;
    for (int i = 0; i < 6; i++) f[22 + i] = f[6 + i];
    for (int i = 0; i < 4; i++) f[28 + i] = (uint8_t)(bi->net_ipv4 >> (24 - 8 * i));
    for (int i = 0; i < 6; i++) f[32 + i] = 0;
    for (int i = 0; i < 4; i++) f[38 + i] = (uint8_t)(bi->net_gateway >> (24 - 8 * i));
    for (int i = 42; i < 60; i++) f[i] = 0;
    return 60;
}

/* One correct ring operation: queue a frame, or give the device receive buffers. */
static void net_good(void) {
    if (below(2)) {
        uint16_t outstanding = (uint16_t)(tx_next - used(txq)->idx);
        if (outstanding >= N) return;
        uint16_t slot = tx_next % N;
        uint8_t *f = (uint8_t *)(uintptr_t)buffer(1, slot);
        uint32_t len;
        if (below(2)) {
            len = arp_request(f);
        } else { /* noise, broadcast, any length the ABI allows (runts and giants are the device's to drop) */
            len = 1 + (uint32_t)below(frame_max);
            for (uint32_t i = 0; i < len; i++) f[i] = (uint8_t)rnd();
            if (len >= 6) for (int i = 0; i < 6; i++) f[i] = 0xff;
        }
        desc(txq)[slot].addr = (uintptr_t)f;
        desc(txq)[slot].len = len;
        desc(txq)[slot].flags = 0;
        publish(txq, &tx_next, slot);
    } else {
        uint16_t outstanding = (uint16_t)(rx_next - used(rxq)->idx);
        if (outstanding >= N) return;
        uint16_t slot = rx_next % N;
        desc(rxq)[slot].addr = buffer(0, slot);
        desc(rxq)[slot].len = KILN_NET_BUF_SIZE;
        desc(rxq)[slot].flags = KILN_NET_DESC_F_WRITE;
        publish(rxq, &rx_next, slot);
    }
    if (below(4) == 0) {
        avail(rxq)->used_event = (uint16_t)(used(rxq)->idx + below(4));
        avail(txq)->used_event = (uint16_t)(used(txq)->idx + below(4));
    }
}

/* Breaks the ring protocol one way; the device must refuse it or drop what it cannot send. */
static void net_bad(void) {
    uint64_t q = below(2) ? txq : rxq;
    int tx = q == txq;
    uint16_t *next = tx ? &tx_next : &rx_next;
    uint16_t slot = *next % N;
    switch (below(10)) {
    case 0: /* the available index jumps ahead */
        *next = (uint16_t)(*next + (below(2) ? N + 1 + below(1000) : rnd()));
        avail(q)->idx = *next;
        break;
    case 1: /* a head that names no descriptor */
        avail(q)->ring[*next % N] = (uint16_t)(N + below(0xffff - N));
        *next = (uint16_t)(*next + 1);
        avail(q)->idx = *next;
        break;
    case 2: /* a descriptor with a hostile address */
        desc(q)[slot].addr = pointer();
        desc(q)[slot].len = tx ? 1 + (uint32_t)below(frame_max) : KILN_NET_BUF_SIZE;
        desc(q)[slot].flags = tx ? 0 : KILN_NET_DESC_F_WRITE;
        publish(q, next, slot);
        break;
    case 3: /* a hostile length */
        desc(q)[slot].addr = buffer(tx, slot);
        desc(q)[slot].len = (uint32_t)length();
        desc(q)[slot].flags = tx ? 0 : KILN_NET_DESC_F_WRITE;
        publish(q, next, slot);
        break;
    case 4: /* hostile flags (chaining, or the other direction's) */
        desc(q)[slot].addr = buffer(tx, slot);
        desc(q)[slot].len = tx ? 60 : KILN_NET_BUF_SIZE;
        desc(q)[slot].flags = (uint16_t)rnd();
        publish(q, next, slot);
        break;
    case 5: /* scribbles on the device's used ring and event index: it must not care */
        used(q)->idx = (uint16_t)rnd();
        used(q)->ring[below(2 * N)] = (uint32_t)rnd();
        used(q)->avail_event = (uint16_t)rnd();
        break;
    case 6: /* a used_event anywhere */
        avail(q)->used_event = (uint16_t)rnd();
        break;
    case 7: /* a descriptor that overlaps the rings themselves */
        desc(q)[slot].addr = q + 8 * below(0x600);
        desc(q)[slot].len = tx ? 60 : KILN_NET_BUF_SIZE;
        desc(q)[slot].flags = tx ? 0 : KILN_NET_DESC_F_WRITE;
        publish(q, next, slot);
        break;
    case 8: /* a tx frame that straddles the end of guest memory */
        desc(q)[slot].addr = bi->mem_size - below(64);
        desc(q)[slot].len = 60;
        desc(q)[slot].flags = tx ? 0 : KILN_NET_DESC_F_WRITE;
        publish(q, next, slot);
        break;
    default: /* the same descriptor published twice */
        desc(q)[slot].addr = buffer(tx, slot);
        desc(q)[slot].len = tx ? 60 : KILN_NET_BUF_SIZE;
        desc(q)[slot].flags = tx ? 0 : KILN_NET_DESC_F_WRITE;
        publish(q, next, slot);
        publish(q, next, slot);
        break;
    }
}

/* ---- one iteration -------------------------------------------------------------------------- */

static void good_call(void) {
    uint64_t r = below(100);
    if (r < 35) { /* walltime into a writable block */
        hc(KILN_HC_WALLTIME, writable_block());
    } else if (r < 55) { /* yield: mostly a poll, sometimes a short sleep */
        uint64_t *b = (uint64_t *)(uintptr_t)writable_block();
        b[0] = below(8) ? 0 : below(50000);
        hc(KILN_HC_YIELD, (uintptr_t)b);
    } else if (r < 75) { /* console: our buffer, rodata or text, short */
        struct kiln_hc_console_write *b = (struct kiln_hc_console_write *)(uintptr_t)writable_block();
        uint64_t what = below(3);
        b->data = what == 0 ? (uintptr_t)console_buf : what == 1 ? (uintptr_t)rodata_text : (uintptr_t)&good_call;
        b->len = below(what == 1 ? sizeof rodata_text : 256);
        hc(KILN_HC_CONSOLE_WRITE, (uintptr_t)b);
    } else if (net_base) { /* the rings, then maybe a notify (from a writable or a read-only block) */
        for (uint64_t n = 1 + below(8); n > 0; n--) net_good();
        if (below(2)) {
            if (below(2)) {
                hc(KILN_HC_NET_NOTIFY, (uintptr_t)rodata_notify);
            } else {
                uint64_t *b = (uint64_t *)(uintptr_t)writable_block();
                b[0] = 1 + below(3);
                hc(KILN_HC_NET_NOTIFY, (uintptr_t)b);
            }
        }
    } else {
        hc(KILN_HC_WALLTIME, (uintptr_t)&blocks[1]);
    }
}

static void hostile_call(void) {
    uint64_t *b = (uint64_t *)(uintptr_t)writable_block();
    switch (below(16)) {
    case 0: { /* a port outside the Kiln calls: call 0, beyond the last, anywhere */
        uint64_t w = below(3);
        uint16_t port = w == 0 ? KILN_HC_PORT_BASE : w == 1 ? (uint16_t)(KILN_HC_PORT(7) + below(0xf9)) : (uint16_t)rnd();
        if (port > KILN_HC_PORT_BASE && port <= KILN_HC_PORT(KILN_HC_NET_NOTIFY)) port = KILN_HC_PORT_BASE;
        calls++;
        out32(port, (uint32_t)(uintptr_t)b);
        break;
    }
    case 1: { /* IN, any size, any port (a Kiln port too) */
        uint16_t port = below(2) ? (uint16_t)KILN_HC_PORT(1 + below(KILN_HC_NET_NOTIFY)) : (uint16_t)rnd();
        calls++;
        uint64_t s = below(3);
        if (s == 0) blocks[7] = in8(port);
        else if (s == 1) blocks[7] = in16(port);
        else blocks[7] = in32(port);
        break;
    }
    case 2: { /* a Kiln port with an 8- or 16-bit OUT, or a rep outs of several values */
        uint16_t port = (uint16_t)KILN_HC_PORT(1 + below(KILN_HC_NET_NOTIFY));
        calls++;
        uint64_t s = below(3);
        if (s == 0) out8(port, (uint8_t)rnd());
        else if (s == 1) out16(port, (uint16_t)rnd());
        else outs32(port, blocks, 2 + below(3));
        break;
    }
    case 3: case 4: case 5: /* a good port, a hostile block address */
        hc(1 + (unsigned)below(KILN_HC_NET_NOTIFY), pointer() + (below(4) ? 0 : below(8)));
        break;
    case 6: case 7: /* console_write: hostile data pointer and length */
        b[0] = pointer();
        b[1] = length();
        hc(KILN_HC_CONSOLE_WRITE, (uintptr_t)b);
        break;
    case 8: /* abort: hostile message pointer and length (a legal one ends the VM too) */
        b[0] = below(4) ? pointer() : (uintptr_t)rodata_text;
        b[1] = length();
        hc(KILN_HC_ABORT, (uintptr_t)b);
        break;
    case 9: /* yield: any timeout (the monitor caps one yield at 1 s) */
        b[0] = below(64) ? length() % 1000000 : rnd();
        hc(KILN_HC_YIELD, (uintptr_t)b);
        break;
    case 10: /* net_notify: any queue mask, with or without a device */
        b[0] = below(2) ? below(8) : rnd();
        hc(KILN_HC_NET_NOTIFY, (uintptr_t)b);
        break;
    case 11: /* exit with any status: ends the VM */
        if (below(8) == 0) {
            b[0] = rnd();
            hc(KILN_HC_EXIT, (uintptr_t)b);
        }
        break;
    case 12: /* walltime into memory the guest may read but not write (boot info, rodata, text) */
        hc(KILN_HC_WALLTIME, below(3) == 0 ? (uintptr_t)bi : below(2) ? (uintptr_t)rodata_text & ~7ull : (uintptr_t)&hostile_call & ~7ull);
        break;
    default: /* the net rings */
        if (net_base) {
            net_bad();
            if (below(2)) {
                b[0] = 1 + below(3);
                hc(KILN_HC_NET_NOTIFY, (uintptr_t)b);
            } else {
                b[0] = 0;
                hc(KILN_HC_YIELD, (uintptr_t)b);
            }
        } else {
            b[0] = 1 + below(3);
            hc(KILN_HC_NET_NOTIFY, (uintptr_t)b); /* no device: a guest error */
        }
        break;
    }
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    bi = kiln_boot_info();
    rng = argc > 1 ? parse_u64(argv[1]) : 1;
    rng = rng * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
    if (rng == 0) rng = 1;
    uint64_t max = argc > 2 ? parse_u64(argv[2]) : 1000000;
    guard_page = bi->stack_top - 256 * 1024 - 4096;
    heap_block = (bi->heap_start + 4096 + 63) & ~63ull;
    net_base = bi->net_base;
    frame_max = bi->net_mtu + KILN_NET_ETH_HEADER;
    if (net_base) {
        rxq = net_base + KILN_NET_QUEUE_RX * KILN_NET_QUEUE_STRIDE;
        txq = net_base + KILN_NET_QUEUE_TX * KILN_NET_QUEUE_STRIDE;
    }
    for (unsigned i = 0; i < sizeof console_buf; i++) console_buf[i] = (uint8_t)(' ' + i % 95);
    while (calls < max) {
        if (below(HOSTILE_ONE_IN) == 0) hostile_call();
        else good_call();
    }
    kiln_printf("hcfuzz: survived %llu calls\n", (unsigned long long)calls);
    return 0;
}
