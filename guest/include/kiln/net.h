/*
 * The Kiln guest network device API (the contract between the guest's C driver and
 * the Java network stack of native images; see docs/abi.md, "The net device").
 *
 * The driver (guest/runtime/net.c) moves Ethernet frames through two shared-memory
 * rings, in the manner of virtio split rings with notification suppression, so that
 * sending and receiving cost no VM exit while the monitor's I/O thread is busy.
 * Everything is single-threaded: call these functions from one thread (the green
 * threads of a TeaVM image all run on one). Each function probes the device on first use;
 * without a device, kiln_net_recv returns 0 and kiln_net_send -1 (so check kiln_net_init
 * first: retrying a send there would never end).
 */
#ifndef KILN_NET_H
#define KILN_NET_H

#include <stdint.h>

#include "abi.h" /* struct kiln_net_info: part of the ABI, checked against the Java side */

/* 0 and *out filled if the VM has a net device; -1 if it has no network. Idempotent. */
int kiln_net_init(struct kiln_net_info *out);

/* Length (>0) of the next received frame, copied into buf; 0 if none waits.
 * A frame longer than cap is dropped (counted) and the next one is tried. */
int kiln_net_recv(void *buf, uint32_t cap);

/* 0 = queued (copied); -1 = transmit ring full, retry after kiln_net_flush().
 * A frame shorter than 14 bytes (an Ethernet header) or longer than mtu + 14 bytes is not sent but dropped and
 * counted, as a NIC would, and 0 is returned (a retry could never succeed). */
int kiln_net_send(const void *buf, uint32_t len);

/* The host will see every queued frame: exits (one notify hypercall) only if the
 * host side sleeps. */
void kiln_net_flush(void);

/* 1 if kiln_net_recv would return a frame now. */
int kiln_net_rx_ready(void);

#endif
