/*
 * Breaks the net device's ring protocol in the way named by argument 1, writing the rings
 * directly (not through runtime/net.c). The monitor must end this VM with a clear error, or
 * drop the frame and carry on (tx-giant, tx-zero, tx-runt, used-scribble), and never anything worse.
 * After the attack the guest notifies and yields; if it is still running 2 s later it prints
 * "survived" and exits 0 (what the drop cases expect).
 */
#include <kiln/kiln.h>

#define N KILN_NET_QUEUE_SIZE

static volatile struct kiln_net_desc *desc(uint64_t q) {
    return (volatile struct kiln_net_desc *)(uintptr_t)q;
}
static volatile struct kiln_net_avail *avail(uint64_t q) {
    return (volatile struct kiln_net_avail *)(uintptr_t)(q + KILN_NET_AVAIL_OFFSET);
}
static volatile struct kiln_net_used *used(uint64_t q) {
    return (volatile struct kiln_net_used *)(uintptr_t)(q + KILN_NET_USED_OFFSET);
}

static void notify(uint64_t queues) {
    struct kiln_hc_net_notify block = {.queues = queues};
    kiln__hypercall(KILN_HC_NET_NOTIFY, &block);
}

static int eq(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* Publishes descriptor 0 of queue q with the given fields. */
static void post(uint64_t q, uint64_t addr, uint32_t len, uint16_t flags) {
    desc(q)[0].addr = addr;
    desc(q)[0].len = len;
    desc(q)[0].flags = flags;
    avail(q)->ring[0] = 0;
    __asm__ volatile("" ::: "memory");
    avail(q)->idx = 1;
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    const struct kiln_boot_info *bi = kiln_boot_info();
    if (bi->net_base == 0 || argc < 2) {
        kiln_printf("nethostile: needs a net device and an attack\n");
        return 3;
    }
    uint64_t rx = bi->net_base + KILN_NET_QUEUE_RX * KILN_NET_QUEUE_STRIDE;
    uint64_t tx = bi->net_base + KILN_NET_QUEUE_TX * KILN_NET_QUEUE_STRIDE;
    uint64_t buf = bi->net_base + KILN_NET_BUFFERS_OFFSET + N * KILN_NET_BUF_SIZE; /* a tx buffer */
    uint8_t *frame = (uint8_t *)(uintptr_t)buf;
    for (int i = 0; i < 6; i++) frame[i] = 0xff; /* a broadcast frame of 60 bytes */
    for (int i = 6; i < 60; i++) frame[i] = (uint8_t)i;
    const char *a = argv[1];
    uint64_t queues = KILN_NET_NOTIFY_TX;
    if (eq(a, "avail-jump")) {
        avail(tx)->idx = 1000;
    } else if (eq(a, "head")) {
        avail(tx)->ring[0] = 4000;
        avail(tx)->idx = 1;
    } else if (eq(a, "tx-addr-low")) {
        post(tx, 0x1000, 60, 0);
    } else if (eq(a, "tx-addr-wrap")) {
        post(tx, 0xfffffffffffffff0ull, 60, 0);
    } else if (eq(a, "tx-addr-beyond")) {
        post(tx, bi->mem_size - 10, 60, 0);
    } else if (eq(a, "tx-flags")) {
        post(tx, buf, 60, 1);
    } else if (eq(a, "tx-giant")) {
        post(tx, buf, 5000, 0);
    } else if (eq(a, "tx-zero")) {
        post(tx, buf, 0, 0);
    } else if (eq(a, "tx-runt")) { /* shorter than an Ethernet header: the tap would refuse it */
        post(tx, buf, 13, 0);
    } else if (eq(a, "used-scribble")) {
        used(tx)->idx = 12345;
        used(tx)->ring[0] = 0xffffffffu;
        used(tx)->avail_event = 777;
        post(tx, buf, 60, 0);
    } else if (eq(a, "rx-flags")) {
        post(rx, buf, KILN_NET_BUF_SIZE, 0);
        queues = KILN_NET_NOTIFY_RX;
    } else if (eq(a, "rx-short")) {
        post(rx, buf, 100, KILN_NET_DESC_F_WRITE);
        queues = KILN_NET_NOTIFY_RX;
    } else if (eq(a, "rx-readonly")) {
        post(rx, (uint64_t)(uintptr_t)&main, KILN_NET_BUF_SIZE, KILN_NET_DESC_F_WRITE);
        queues = KILN_NET_NOTIFY_RX;
    } else if (eq(a, "rx-bootinfo")) {
        post(rx, (uint64_t)(uintptr_t)bi, KILN_NET_BUF_SIZE, KILN_NET_DESC_F_WRITE);
        queues = KILN_NET_NOTIFY_RX;
    } else if (eq(a, "notify-mask")) {
        queues = 4;
    } else {
        kiln_printf("nethostile: unknown attack %s\n", a);
        return 2;
    }
    notify(queues);
    kiln_sleep_ns(2000000000ull);
    kiln_printf("survived used_idx=%u\n", (unsigned)used(tx)->idx);
    return 0;
}
