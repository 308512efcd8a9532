/*
 * The Kiln guest runtime API: what C code inside a native image may call.
 * Everything here reaches the monitor through the hypercalls of abi.h; there is
 * no operating system, no syscall instruction and no ring 0 underneath.
 */
#ifndef KILN_KILN_H
#define KILN_KILN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "abi.h"

/* The boot-info block the monitor handed to _start (read-only). */
const struct kiln_boot_info *kiln_boot_info(void);

/* Hypercalls. */
void kiln_console_write(const void *data, size_t len);
__attribute__((noreturn)) void kiln_exit(int status);
__attribute__((noreturn)) void kiln_abort(const char *message);
uint64_t kiln_walltime_ns(void);
/* Blocks the VM for at most timeout_ns, or until a device has work; returns the KILN_READY_* mask.
 * Flushes the net device's pending transmits first and returns at once (no exit) when a
 * received frame already waits. */
uint64_t kiln_yield(uint64_t timeout_ns);
/* Runtime internals. The net driver's part of kiln_yield (runtime/net.c): 0, or the ready bits
 * that make waiting pointless; its part of kiln_sleep_ns (flush, and no wakeup by frames);
 * the bare yield hypercall. */
uint64_t kiln__net_prepare_wait(void);
/* The one hypercall stub (runtime/hypercall.c): a 32-bit port write of block's guest-physical
 * address to KILN_HC_PORT(call). Every hypercall of the runtime goes through it. */
void kiln__hypercall(unsigned call, void *block);
void kiln__net_prepare_sleep(void);
uint64_t kiln__yield_raw(uint64_t timeout_ns);

/* Time from the TSC (rdtsc at CPL 3 runs natively; rdtscp is emulated here, so it is never used). */
uint64_t kiln_rdtsc(void);
uint64_t kiln_monotonic_ns(void);   /* nanoseconds since boot */
void kiln_sleep_ns(uint64_t ns);    /* yields until the deadline passes; received frames wait meanwhile */

/* Formatted output: %d %i %u %x %X %o %c %s %p %%, flags '-' '0' ' ' '+', width, precision, h hh l ll z j t. */
int kiln_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int kiln_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int kiln_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Freestanding string helpers the runtime needs itself. */
size_t kiln_strlen(const char *s);

#endif
