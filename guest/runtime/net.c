/*
 * The guest driver of Kiln's net device (docs/abi.md, "The net device"; API in kiln/net.h).
 *
 * Two split rings in the region the monitor reserved (boot info net_base). Descriptor i of
 * each ring permanently owns buffer slot i of that ring's half of the buffer space, so the
 * driver never allocates. rx: every descriptor is made available at start and again as soon
 * as its frame was copied out. tx: a frame is copied into a free slot and published at once
 * (a busy monitor I/O thread picks it up without any exit); the notify hypercall, the only
 * exit here, happens in kiln_net_flush and only when the monitor armed its event index
 * because its I/O thread went to sleep. A yield implies a tx notify, so kiln_yield needs no
 * separate one.
 *
 * x86 is TSO: stores are seen in order and loads are not reordered with older loads, so a
 * compiler barrier orders "write the entry, then the index"; the two places where a store
 * must be seen before a following load (publish then read the event index; set used_event
 * then re-read the used index) need mfence.
 */
#include <kiln/kiln.h>
#include <kiln/net.h>

#define N KILN_NET_QUEUE_SIZE
#define barrier() __asm__ volatile("" ::: "memory")
#define mfence() __asm__ volatile("mfence" ::: "memory")
/* A used_event the used index can never pass: at most N descriptors are outstanding. */
#define NEVER_OFFSET 0x8000u

struct queue {
    volatile struct kiln_net_desc *desc;
    volatile struct kiln_net_avail *avail;
    volatile struct kiln_net_used *used;
    uint8_t *buffers;      /* N slots of KILN_NET_BUF_SIZE */
    uint16_t avail_idx;    /* our shadow of avail->idx */
    uint16_t last_used;    /* used entries consumed */
};

static struct queue rxq, txq;

/* rep movsb (fast strings on every CPU of the last decade): no libc memcpy in libkiln. */
static void copy_bytes(void *dst, const void *src, uint32_t n) {
    __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}
static int state;          /* 0 = not probed, 1 = ready, -1 = no device */
static struct kiln_net_info info;
static uint32_t max_frame;
static uint16_t tx_free[N];
static uint32_t tx_free_count;
static uint16_t tx_notified_idx; /* tx avail idx when the monitor last had a chance to see it */
static uint64_t dropped_rx_too_big, dropped_tx_bad_len;

static void net_notify(uint64_t queues) {
    struct kiln_hc_net_notify block = {.queues = queues};
    kiln__hypercall(KILN_HC_NET_NOTIFY, &block);
}

/* virtio's vring_need_event: did the index moving from old to new pass event? */
static int need_event(uint16_t event, uint16_t new_idx, uint16_t old_idx) {
    return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old_idx);
}

static void queue_setup(struct queue *q, uint64_t base, uint8_t *buffers) {
    q->desc = (volatile struct kiln_net_desc *)(uintptr_t)(base + KILN_NET_DESC_OFFSET);
    q->avail = (volatile struct kiln_net_avail *)(uintptr_t)(base + KILN_NET_AVAIL_OFFSET);
    q->used = (volatile struct kiln_net_used *)(uintptr_t)(base + KILN_NET_USED_OFFSET);
    q->buffers = buffers;
    q->avail_idx = 0;
    q->last_used = 0;
    q->avail->flags = 0;
    q->avail->idx = 0;
    q->avail->used_event = (uint16_t)NEVER_OFFSET;
}

int kiln_net_init(struct kiln_net_info *out) {
    if (state == 0) {
        const struct kiln_boot_info *bi = kiln_boot_info();
        if (bi->net_base == 0 || bi->net_mtu < KILN_NET_MTU_MIN || bi->net_mtu > KILN_NET_MTU_MAX) {
            state = -1;
        } else {
            uint64_t base = bi->net_base;
            uint8_t *buffers = (uint8_t *)(uintptr_t)(base + KILN_NET_BUFFERS_OFFSET);
            queue_setup(&rxq, base + KILN_NET_QUEUE_RX * KILN_NET_QUEUE_STRIDE, buffers);
            queue_setup(&txq, base + KILN_NET_QUEUE_TX * KILN_NET_QUEUE_STRIDE, buffers + N * KILN_NET_BUF_SIZE);
            info.mac = bi->net_mac;
            info.mtu = bi->net_mtu;
            info.ipv4 = bi->net_ipv4;
            info.prefix_len = bi->net_prefix_len;
            info.gateway = bi->net_gateway;
            max_frame = info.mtu + KILN_NET_ETH_HEADER;
            for (uint32_t i = 0; i < N; i++) {
                rxq.desc[i].addr = (uintptr_t)(rxq.buffers + i * KILN_NET_BUF_SIZE);
                rxq.desc[i].len = KILN_NET_BUF_SIZE;
                rxq.desc[i].flags = KILN_NET_DESC_F_WRITE;
                rxq.desc[i].next = 0;
                rxq.avail->ring[i] = (uint16_t)i;
                txq.desc[i].addr = (uintptr_t)(txq.buffers + i * KILN_NET_BUF_SIZE);
                txq.desc[i].len = 0;
                txq.desc[i].flags = 0;
                txq.desc[i].next = 0;
                tx_free[i] = (uint16_t)(N - 1 - i);
            }
            tx_free_count = N;
            barrier();
            rxq.avail_idx = N;
            rxq.avail->idx = N;
            mfence();
            /* The I/O thread may already sleep waiting for rx buffers. */
            net_notify(KILN_NET_NOTIFY_RX);
            state = 1;
        }
    }
    if (state < 0) return -1;
    if (out) *out = info;
    return 0;
}

/* Makes one descriptor available again and tells a starving device (rare: only when it ran dry). */
static void rx_repost(uint16_t id) {
    uint16_t old = rxq.avail_idx;
    rxq.avail->ring[old % N] = id;
    barrier();
    rxq.avail_idx = (uint16_t)(old + 1);
    rxq.avail->idx = rxq.avail_idx;
    mfence();
    if (need_event(rxq.used->avail_event, rxq.avail_idx, old)) net_notify(KILN_NET_NOTIFY_RX);
}

/* Every entry point works before kiln_net_init too: it probes the device first. */
static int ready(void) {
    if (state == 0) kiln_net_init(0);
    return state == 1;
}

int kiln_net_rx_ready(void) {
    if (!ready()) return 0;
    return rxq.used->idx != rxq.last_used;
}

int kiln_net_recv(void *buf, uint32_t cap) {
    if (!ready()) return 0;
    for (;;) {
        uint16_t idx = rxq.used->idx;
        if (idx == rxq.last_used) return 0;
        barrier(); /* the entry is read after the index that published it */
        uint32_t slot = rxq.last_used % N;
        uint32_t id = rxq.used->ring[2 * slot];
        uint32_t len = rxq.used->ring[2 * slot + 1];
        rxq.last_used++;
        if (id >= N) kiln_abort("kiln net: the monitor returned an rx descriptor that does not exist");
        if (len == 0 || len > KILN_NET_BUF_SIZE || len > cap) {
            dropped_rx_too_big++;
            rx_repost((uint16_t)id);
            continue;
        }
        copy_bytes(buf, rxq.buffers + id * KILN_NET_BUF_SIZE, len);
        rx_repost((uint16_t)id);
        return (int)len;
    }
}

/* Takes back the tx buffers the monitor is done with. */
static void tx_reclaim(void) {
    uint16_t idx = txq.used->idx;
    barrier();
    while (txq.last_used != idx && tx_free_count < N) {
        uint32_t id = txq.used->ring[2 * (txq.last_used % N)];
        txq.last_used++;
        if (id >= N) kiln_abort("kiln net: the monitor returned a tx descriptor that does not exist");
        tx_free[tx_free_count++] = (uint16_t)id;
    }
}

int kiln_net_send(const void *buf, uint32_t len) {
    if (!ready()) return -1;
    if (len < KILN_NET_ETH_HEADER || len > max_frame) {
        dropped_tx_bad_len++;
        return 0;
    }
    if (tx_free_count == 0) tx_reclaim();
    if (tx_free_count == 0) return -1;
    uint16_t id = tx_free[--tx_free_count];
    copy_bytes(txq.buffers + id * KILN_NET_BUF_SIZE, buf, len);
    txq.desc[id].len = len;
    txq.avail->ring[txq.avail_idx % N] = id;
    barrier();
    txq.avail_idx++;
    txq.avail->idx = txq.avail_idx;
    return 0;
}

void kiln_net_flush(void) {
    if (!ready()) return;
    mfence(); /* our avail idx is visible before we read the monitor's event index */
    if (txq.avail_idx != tx_notified_idx) {
        if (need_event(txq.used->avail_event, txq.avail_idx, tx_notified_idx)) net_notify(KILN_NET_NOTIFY_TX);
        tx_notified_idx = txq.avail_idx;
    }
    if (tx_free_count > 0) return;
    tx_reclaim();
    /* The ring is full: wait (woken by the monitor's first completion) so that a retry succeeds.
     * Frames arriving meanwhile must not end these yields: they wait for the caller. */
    rxq.avail->used_event = (uint16_t)(rxq.last_used + NEVER_OFFSET);
    uint64_t deadline = kiln_monotonic_ns() + 100000000ull;
    while (tx_free_count == 0) {
        txq.avail->used_event = txq.last_used;
        mfence();
        tx_reclaim();
        if (tx_free_count > 0) break;
        uint64_t now = kiln_monotonic_ns();
        if (now >= deadline) break;
        kiln__yield_raw(deadline - now);
    }
    txq.avail->used_event = (uint16_t)(txq.last_used + NEVER_OFFSET);
}

uint64_t kiln__net_prepare_wait(void) {
    if (state != 1) return 0;
    rxq.avail->used_event = rxq.last_used; /* wake the yield at the next frame */
    mfence();
    if (rxq.used->idx != rxq.last_used) {
        kiln_net_flush(); /* no yield follows: notify if the monitor sleeps */
        return KILN_READY_NET_RX;
    }
    /* The yield hypercall that follows implies a tx notify: no separate exit for it. */
    tx_notified_idx = txq.avail_idx;
    return 0;
}

void kiln__net_prepare_sleep(void) {
    if (state != 1) return;
    rxq.avail->used_event = (uint16_t)(rxq.last_used + NEVER_OFFSET);
    mfence();
    tx_notified_idx = txq.avail_idx; /* the yields of the sleep imply the tx notify */
}

uint64_t kiln__net_dropped(void) {
    return dropped_rx_too_big + dropped_tx_bad_len;
}
