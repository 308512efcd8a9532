/*
 * Console output for TeaVM on Kiln. System.out and System.err reach C one byte at a
 * time (teavm_logchar, UTF-8 already); runtime messages come as UTF-16 or wide
 * strings. Everything goes to the console hypercall through one buffer, flushed at
 * each newline, when full, before waiting and before exit, so a line costs one exit.
 */
#include "log.h"
#include "definitions.h"
#include "kiln_teavm.h"
#include <kiln/kiln.h>
#include <stdint.h>

static char kiln_console_buffer[4096];
static size_t kiln_console_used;

void kiln_console_flush(void) {
    if (kiln_console_used > 0) {
        kiln_console_write(kiln_console_buffer, kiln_console_used);
        kiln_console_used = 0;
    }
}

static void kiln_console_byte(char c) {
    kiln_console_buffer[kiln_console_used++] = c;
    if (c == '\n' || kiln_console_used == sizeof kiln_console_buffer) {
        kiln_console_flush();
    }
}

static void kiln_console_codePoint(uint32_t c) {
    if (c < 0x80) {
        kiln_console_byte((char) c);
    } else if (c < 0x800) {
        kiln_console_byte((char) (0xC0 | (c >> 6)));
        kiln_console_byte((char) (0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        kiln_console_byte((char) (0xE0 | (c >> 12)));
        kiln_console_byte((char) (0x80 | ((c >> 6) & 0x3F)));
        kiln_console_byte((char) (0x80 | (c & 0x3F)));
    } else {
        kiln_console_byte((char) (0xF0 | (c >> 18)));
        kiln_console_byte((char) (0x80 | ((c >> 12) & 0x3F)));
        kiln_console_byte((char) (0x80 | ((c >> 6) & 0x3F)));
        kiln_console_byte((char) (0x80 | (c & 0x3F)));
    }
}

void teavm_printString(char16_t* s) {
    while (*s != 0) {
        uint32_t c = *s++;
        if ((c & 0xFC00) == 0xD800 && (*s & 0xFC00) == 0xDC00) {
            c = (((c & 0x3FF) << 10) | (*s++ & 0x3FF)) + 0x10000;
        }
        kiln_console_codePoint(c);
    }
    kiln_console_flush();
}

void teavm_printWString(wchar_t* s) {
    while (*s != 0) {
        kiln_console_codePoint((uint32_t) *s++);
    }
    kiln_console_flush();
}

void teavm_printInt(int32_t i) {
    char digits[12];
    int n = 0;
    uint32_t v = i < 0 ? (uint32_t) 0 - (uint32_t) i : (uint32_t) i;
    do {
        digits[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (i < 0) {
        kiln_console_byte('-');
    }
    while (n > 0) {
        kiln_console_byte(digits[--n]);
    }
    kiln_console_flush();
}

void teavm_logCodePoint(int32_t c) {
    kiln_console_codePoint((uint32_t) c);
}

/* Bytes of System.out / System.err: already UTF-8, passed through unchanged. */
void teavm_logchar(int32_t c) {
    kiln_console_byte((char) c);
}
