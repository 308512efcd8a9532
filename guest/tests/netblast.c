/*
 * Sends argument 1 (default 100000) broadcast frames of 60 bytes as fast as it can through
 * guest/runtime/net.c, so the tx ring fills and kiln_net_send returns -1; each time it calls
 * kiln_net_flush, which waits for the monitor to return a buffer. Prints
 * "netblast sent=N full=F" and exits 0 (3 without a net device).
 */
#include <kiln/kiln.h>
#include <kiln/net.h>

static uint64_t parse_u64(const char *s) {
    uint64_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
    return v;
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    struct kiln_net_info info;
    if (kiln_net_init(&info) != 0) {
        kiln_printf("netblast: no network\n");
        return 3;
    }
    uint64_t count = argc > 1 ? parse_u64(argv[1]) : 100000;
    uint8_t frame[60];
    for (int i = 0; i < 6; i++) frame[i] = 0xff;
    for (int i = 0; i < 6; i++) frame[6 + i] = (uint8_t)(info.mac >> (40 - 8 * i));
    frame[12] = 0x88; /* EtherType 0x88b5: IEEE local experimental */
    frame[13] = 0xb5;
    uint64_t full = 0;
    for (uint64_t n = 0; n < count; n++) {
        for (int i = 14; i < 22; i++) frame[i] = (uint8_t)(n >> (8 * (i - 14)));
        while (kiln_net_send(frame, sizeof frame) != 0) {
            full++;
            kiln_net_flush();
        }
    }
    kiln_net_flush();
    kiln_printf("netblast sent=%llu full=%llu\n", (unsigned long long)count, (unsigned long long)full);
    return 0;
}
