/*
 * The parts of the C library that reach the operating system in musl, done the
 * Kiln way: hypercalls, the TSC, the boot info. Everything else comes from musl's
 * pure objects (see README.md).
 */
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uchar.h>
#include <wchar.h>
#include <kiln/kiln.h>
#include "../teavm/kiln_teavm.h"

/* ---- process end ---- */

void exit(int status) {
    kiln_console_flush();
    kiln_exit(status);
}

void _Exit(int status) {
    kiln_console_flush();
    kiln_exit(status);
}

/* System.exit from Java (dev.kiln.rt.KilnRuntime.exit, after flushing System.out/err). */
void kiln_java_exit(int status) {
    exit(status);
}

void abort(void) {
    kiln_console_flush();
    kiln_abort("abort() called");
}

/* ---- time ---- */

static uint64_t wall_ns(void) {
    return kiln_boot_info()->wallclock_ns + kiln_monotonic_ns();
}

time_t time(time_t *t) {
    time_t now = (time_t) (wall_ns() / 1000000000u);
    if (t) *t = now;
    return now;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
    uint64_t ns;
    switch (clock) {
    case CLOCK_REALTIME: ns = wall_ns(); break;
    case CLOCK_MONOTONIC: ns = kiln_monotonic_ns(); break;
    default: errno = EINVAL; return -1;
    }
    ts->tv_sec = (time_t) (ns / 1000000000u);
    ts->tv_nsec = (long) (ns % 1000000000u);
    return 0;
}

/* The image's time zone is UTC (no zone database inside). */
struct tm *localtime_r(const time_t *t, struct tm *tm) {
    return gmtime_r(t, tm);
}

time_t mktime(struct tm *tm) {
    return timegm(tm);
}

/* ---- environment: the manifest's env lines, from the boot info ---- */

char *getenv(const char *name) {
    const struct kiln_boot_info *bi = kiln_boot_info();
    char **envp = (char **) (uintptr_t) bi->envp;
    size_t len = strlen(name);
    for (uint64_t i = 0; i < bi->envc; i++) {
        if (strncmp(envp[i], name, len) == 0 && envp[i][len] == '=') return envp[i] + len + 1;
    }
    return NULL;
}

/* System.getenv() from Java (dev.kiln.rt.KilnEnvironment): the entries "KEY=value", one by index. */
int kiln_env_count(void) {
    return (int) kiln_boot_info()->envc;
}

const char *kiln_env_entry(int i) {
    const struct kiln_boot_info *bi = kiln_boot_info();
    if (i < 0 || (uint64_t) i >= bi->envc) return NULL;
    return ((char **) (uintptr_t) bi->envp)[i];
}

/* ---- locale: there is one, C with UTF-8 as its multibyte encoding ---- */

char *setlocale(int category, const char *name) {
    (void) category;
    if (name == NULL || name[0] == '\0' || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0
            || strcmp(name, "C.UTF-8") == 0) {
        return "C.UTF-8";
    }
    return NULL;
}

/* ---- stdio locking: one CPU, cooperative green threads, no preemption inside stdio ---- */

int __lockfile(FILE *f) { (void) f; return 0; }
void __unlockfile(FILE *f) { (void) f; }

/* ---- UTF-8 <-> UTF-16 / UTF-32 (the multibyte encoding is always UTF-8) ---- */

size_t wcrtomb(char *s, wchar_t wc, mbstate_t *st) {
    (void) st;
    char buf[4];
    if (!s) s = buf, wc = 0;
    uint32_t c = (uint32_t) wc;
    if (c < 0x80) { s[0] = (char) c; return 1; }
    if (c < 0x800) { s[0] = (char) (0xC0 | (c >> 6)); s[1] = (char) (0x80 | (c & 0x3F)); return 2; }
    if (c >= 0xD800 && c < 0xE000) { errno = EILSEQ; return (size_t) -1; }
    if (c < 0x10000) {
        s[0] = (char) (0xE0 | (c >> 12)); s[1] = (char) (0x80 | ((c >> 6) & 0x3F));
        s[2] = (char) (0x80 | (c & 0x3F)); return 3;
    }
    if (c < 0x110000) {
        s[0] = (char) (0xF0 | (c >> 18)); s[1] = (char) (0x80 | ((c >> 12) & 0x3F));
        s[2] = (char) (0x80 | ((c >> 6) & 0x3F)); s[3] = (char) (0x80 | (c & 0x3F)); return 4;
    }
    errno = EILSEQ;
    return (size_t) -1;
}

int wctomb(char *s, wchar_t wc) {
    if (!s) return 0;
    return (int) wcrtomb(s, wc, NULL);
}

/* Decodes one UTF-8 sequence from at most n bytes; partial sequences are not kept across calls. */
size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *st) {
    (void) st;
    if (!s) return 0;
    if (n == 0) return (size_t) -2;
    const unsigned char *u = (const unsigned char *) s;
    uint32_t c;
    size_t len;
    if (u[0] < 0x80) { c = u[0]; len = 1; }
    else if ((u[0] & 0xE0) == 0xC0 && u[0] >= 0xC2) { c = u[0] & 0x1F; len = 2; }
    else if ((u[0] & 0xF0) == 0xE0) { c = u[0] & 0x0F; len = 3; }
    else if ((u[0] & 0xF8) == 0xF0 && u[0] <= 0xF4) { c = u[0] & 0x07; len = 4; }
    else { errno = EILSEQ; return (size_t) -1; }
    if (n < len) return (size_t) -2;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) { errno = EILSEQ; return (size_t) -1; }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c < 0xE000))) || (len == 4 && (c < 0x10000 || c > 0x10FFFF))) {
        errno = EILSEQ;
        return (size_t) -1;
    }
    if (pwc) *pwc = (wchar_t) c;
    return c == 0 ? 0 : len;
}

int mbtowc(wchar_t *pwc, const char *s, size_t n) {
    if (!s) return 0;
    size_t r = mbrtowc(pwc, s, n, NULL);
    return r == (size_t) -1 || r == (size_t) -2 ? -1 : (int) r;
}

size_t mbrlen(const char *s, size_t n, mbstate_t *st) {
    return mbrtowc(NULL, s, n, st);
}

/* UTF-16 to UTF-8: a high surrogate is remembered in the state until its low half comes. */
size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps) {
    static mbstate_t internal;
    unsigned *pending = (unsigned *) (ps ? ps : &internal);
    char buf[4];
    if (!s) { *pending = 0; return 1; }
    if (*pending) {
        if (c16 < 0xDC00 || c16 > 0xDFFF) { *pending = 0; errno = EILSEQ; return (size_t) -1; }
        wchar_t wc = (wchar_t) ((((*pending - 0xD800) << 10) | (c16 - 0xDC00)) + 0x10000);
        *pending = 0;
        return wcrtomb(s, wc, NULL);
    }
    if (c16 >= 0xD800 && c16 <= 0xDBFF) { *pending = c16; return 0; }
    if (c16 >= 0xDC00 && c16 <= 0xDFFF) { errno = EILSEQ; return (size_t) -1; }
    (void) buf;
    return wcrtomb(s, (wchar_t) c16, NULL);
}

/* UTF-8 to UTF-16: a supplementary character gives its high surrogate first (returning the byte count)
   and its low surrogate on the next call (returning (size_t)-3), as C11 specifies. */
size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps) {
    static mbstate_t internal;
    unsigned *pending = (unsigned *) (ps ? ps : &internal);
    if (!s) return mbrtoc16(NULL, "", 1, ps);
    if (*pending) {
        if (pc16) *pc16 = (char16_t) *pending;
        *pending = 0;
        return (size_t) -3;
    }
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, n, NULL);
    if (r == (size_t) -1 || r == (size_t) -2) return r;
    uint32_t c = (uint32_t) wc;
    if (c >= 0x10000) {
        c -= 0x10000;
        if (pc16) *pc16 = (char16_t) (0xD800 + (c >> 10));
        *pending = 0xDC00 + (c & 0x3FF);
    } else if (pc16) {
        *pc16 = (char16_t) c;
    }
    return r;
}

/* ---- errno: one CPU and green threads on one native stack, so one errno ----
   (musl's reads it through the thread pointer, which a Kiln image does not set up for libc) */

static int kiln_errno;

int *__errno_location(void) {
    return &kiln_errno;
}

int *___errno_location(void) {
    return &kiln_errno;
}
