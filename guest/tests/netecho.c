/*
 * A tiny host on the net device: answers ARP requests for its address and ICMP echo
 * requests (ping), through guest/runtime/net.c's rings, until the given number of seconds
 * passed (argument 1, default 10) or the given number of echo replies was sent (argument 2,
 * default unlimited). Argument 3, "hold", makes it fall behind on purpose: it reads nothing until
 * the monitor has filled every rx buffer and, out of buffers, asked to be told of new ones (so
 * the frames after those wait on the host side), then prints "netecho held: rx ring full".
 * Then prints "netecho arp=N icmp=N other=N" and exits 0.
 * Without a net device it prints "netecho: no network" and exits 3.
 */
#include <kiln/kiln.h>
#include <kiln/net.h>

static uint8_t frame[KILN_NET_BUF_SIZE];
static uint8_t mac[6];
static uint32_t my_ip;

static uint64_t parse_u64(const char *s) {
    uint64_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
    return v;
}

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)(v >> 16)); put16(p + 2, (uint16_t)v); }
static void copy(uint8_t *d, const uint8_t *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }

static uint16_t checksum(const uint8_t *p, int n) {
    uint32_t sum = 0;
    for (int i = 0; i + 1 < n; i += 2) sum += get16(p + i);
    if (n & 1) sum += (uint32_t)p[n - 1] << 8;
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

static void send(int len) {
    while (kiln_net_send(frame, (uint32_t)len) != 0) kiln_net_flush();
}

/* An ARP request for us becomes the reply, in place. */
static int arp(int len) {
    uint8_t *a = frame + 14;
    if (len < 42 || get16(a) != 1 || get16(a + 2) != 0x0800 || get16(a + 6) != 1 || get32(a + 24) != my_ip) return 0;
    put16(a + 6, 2);
    copy(a + 18, a + 8, 10);   /* target = the requester's MAC and IP */
    copy(a + 8, mac, 6);
    put32(a + 14, my_ip);
    copy(frame, a + 18, 6);
    copy(frame + 6, mac, 6);
    send(42);
    return 1;
}

/* An ICMP echo request to us becomes the reply, in place. */
static int icmp(int len) {
    uint8_t *ip = frame + 14;
    if (len < 34 || (ip[0] >> 4) != 4) return 0;
    int ihl = (ip[0] & 15) * 4, total = get16(ip + 2);
    if (ihl < 20 || total < ihl + 8 || 14 + total > len || ip[9] != 1 || get32(ip + 16) != my_ip) return 0;
    uint8_t *ic = ip + ihl;
    if (ic[0] != 8 || checksum(ic, total - ihl) != 0) return 0;
    ic[0] = 0;
    put16(ic + 2, 0);
    put16(ic + 2, checksum(ic, total - ihl));
    copy(ip + 16, ip + 12, 4);
    put32(ip + 12, my_ip);
    ip[8] = 64;
    put16(ip + 10, 0);
    put16(ip + 10, checksum(ip, ihl));
    copy(frame, frame + 6, 6);
    copy(frame + 6, mac, 6);
    send(14 + total);
    return 1;
}

/*
 * Waits, reading nothing, for the event the hold is about: the monitor returned all
 * KILN_NET_QUEUE_SIZE rx buffers (used idx; nothing was consumed yet) and armed its event index
 * at the avail idx, i.e. it went idle for lack of buffers (abi.h, struct kiln_net_used).
 * Sleeps, unlike yields, are not ended by frames, so this polls.
 */
static void hold_until_rx_ring_full(void) {
    const struct kiln_boot_info *bi = kiln_boot_info();
    volatile struct kiln_net_used *used = (volatile struct kiln_net_used *)(uintptr_t)(bi->net_base
            + KILN_NET_QUEUE_RX * KILN_NET_QUEUE_STRIDE + KILN_NET_USED_OFFSET);
    while (used->idx != KILN_NET_QUEUE_SIZE || used->avail_event != KILN_NET_QUEUE_SIZE) kiln_sleep_ns(1000000);
    kiln_printf("netecho held: rx ring full\n");
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    struct kiln_net_info info;
    if (kiln_net_init(&info) != 0) {
        kiln_printf("netecho: no network\n");
        return 3;
    }
    for (int i = 0; i < 6; i++) mac[i] = (uint8_t)(info.mac >> (40 - 8 * i));
    my_ip = info.ipv4;
    uint64_t seconds = argc > 1 ? parse_u64(argv[1]) : 10;
    uint64_t max_replies = argc > 2 ? parse_u64(argv[2]) : 0;
    kiln_printf("netecho up mac=%02x:%02x:%02x:%02x:%02x:%02x ip=%u.%u.%u.%u/%u mtu=%u\n", mac[0], mac[1], mac[2],
                mac[3], mac[4], mac[5], my_ip >> 24, (my_ip >> 16) & 255, (my_ip >> 8) & 255, my_ip & 255,
                info.prefix_len, info.mtu);
    if (argc > 3 && argv[3][0] == 'h') hold_until_rx_ring_full();
    uint64_t deadline = kiln_monotonic_ns() + seconds * 1000000000ull;
    uint64_t arps = 0, pings = 0, other = 0;
    for (;;) {
        int len;
        while ((len = kiln_net_recv(frame, sizeof frame)) > 0) {
            if (len >= 14 && (frame[0] & 1) == 0 && (frame[0] != mac[0] || frame[5] != mac[5])) {
                other++; /* unicast to someone else */
            } else if (len >= 14 && get16(frame + 12) == 0x0806) {
                if (arp(len)) arps++; else other++;
            } else if (len >= 14 && get16(frame + 12) == 0x0800) {
                if (icmp(len)) pings++; else other++;
            } else {
                other++;
            }
        }
        uint64_t now = kiln_monotonic_ns();
        if (now >= deadline || (max_replies && pings >= max_replies)) break;
        kiln_yield(deadline - now); /* flushes our replies, wakes at the next frame */
    }
    kiln_net_flush();
    kiln_printf("netecho arp=%llu icmp=%llu other=%llu\n", (unsigned long long)arps, (unsigned long long)pings,
                (unsigned long long)other);
    return 0;
}
