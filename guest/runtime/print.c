/*
 * A small, bounded printf family for the runtime and the C guests. It formats
 * into a caller's buffer (never past size), so a hostile format argument can
 * at worst produce wrong text, never a write outside the buffer.
 */
#include <kiln/kiln.h>

size_t kiln_strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

struct out {
    char *buf;
    size_t size;
    size_t len; /* characters produced, even beyond size, as snprintf returns */
};

static void put(struct out *o, char c) {
    if (o->len + 1 < o->size) o->buf[o->len] = c;
    o->len++;
}

static void pad(struct out *o, char c, int n) {
    while (n-- > 0) put(o, c);
}

struct spec {
    int left, zero, plus, space, alt;
    int width, precision; /* precision < 0: none */
};

/* Writes digits of v in base, honouring precision, sign and width. */
static void put_number(struct out *o, uint64_t v, int negative, unsigned base, int upper, const struct spec *s) {
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0;
    if (v == 0 && s->precision != 0) tmp[n++] = '0';
    while (v) {
        tmp[n++] = digits[v % base];
        v /= base;
    }
    int zeros = s->precision > n ? s->precision - n : 0;
    char sign = negative ? '-' : s->plus ? '+' : s->space ? ' ' : 0;
    const char *prefix = (s->alt && base == 16 && n > 0 && !(n == 1 && tmp[0] == '0')) ? (upper ? "0X" : "0x") : "";
    int prefix_len = (int)kiln_strlen(prefix);
    int body = n + zeros + (sign ? 1 : 0) + prefix_len;
    int fill = s->width > body ? s->width - body : 0;
    if (s->zero && !s->left && s->precision < 0) {
        zeros += fill;
        fill = 0;
    }
    if (!s->left) pad(o, ' ', fill);
    if (sign) put(o, sign);
    for (int i = 0; i < prefix_len; i++) put(o, prefix[i]);
    pad(o, '0', zeros);
    while (n) put(o, tmp[--n]);
    if (s->left) pad(o, ' ', fill);
}

static void put_string(struct out *o, const char *str, const struct spec *s) {
    if (!str) str = "(null)";
    size_t n = 0;
    while (str[n] && (s->precision < 0 || n < (size_t)s->precision)) n++;
    int fill = s->width > (int)n ? s->width - (int)n : 0;
    if (!s->left) pad(o, ' ', fill);
    for (size_t i = 0; i < n; i++) put(o, str[i]);
    if (s->left) pad(o, ' ', fill);
}

int kiln_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) {
    struct out o = {buf, size, 0};
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            put(&o, *p);
            continue;
        }
        struct spec s = {0, 0, 0, 0, 0, 0, -1};
        for (;; p++) {
            char f = p[1];
            if (f == '-') s.left = 1;
            else if (f == '0') s.zero = 1;
            else if (f == '+') s.plus = 1;
            else if (f == ' ') s.space = 1;
            else if (f == '#') s.alt = 1;
            else break;
        }
        p++;
        if (*p == '*') {
            s.width = va_arg(ap, int);
            if (s.width < 0) { s.left = 1; s.width = -s.width; }
            p++;
        } else {
            while (*p >= '0' && *p <= '9') s.width = s.width * 10 + (*p++ - '0');
        }
        if (*p == '.') {
            p++;
            s.precision = 0;
            if (*p == '*') {
                s.precision = va_arg(ap, int);
                p++;
            } else {
                while (*p >= '0' && *p <= '9') s.precision = s.precision * 10 + (*p++ - '0');
            }
        }
        int longs = 0; /* -2 hh, -1 h, 0 int, 1 long, 2 long long; size_t/intmax/ptrdiff are long here */
        for (;; p++) {
            if (*p == 'l') longs++;
            else if (*p == 'h') longs--;
            else if (*p == 'z' || *p == 'j' || *p == 't') longs = 1;
            else break;
        }
        switch (*p) {
        case 'd':
        case 'i': {
            int64_t v = longs > 0 ? va_arg(ap, int64_t) : va_arg(ap, int);
            if (longs == -1) v = (short)v;
            if (longs == -2) v = (signed char)v;
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            put_number(&o, mag, v < 0, 10, 0, &s);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t v = longs > 0 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
            if (longs == -1) v = (unsigned short)v;
            if (longs == -2) v = (unsigned char)v;
            unsigned base = *p == 'u' ? 10 : *p == 'o' ? 8 : 16;
            put_number(&o, v, 0, base, *p == 'X', &s);
            break;
        }
        case 'p':
            s.alt = 1;
            put_number(&o, (uintptr_t)va_arg(ap, void *), 0, 16, 0, &s);
            break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            int fill = s.width > 1 ? s.width - 1 : 0;
            if (!s.left) pad(&o, ' ', fill);
            put(&o, c);
            if (s.left) pad(&o, ' ', fill);
            break;
        }
        case 's':
            put_string(&o, va_arg(ap, const char *), &s);
            break;
        case '%':
            put(&o, '%');
            break;
        case '\0':
            p--; /* a lone '%' at the end: print nothing more */
            break;
        default: /* unknown conversion: show it literally rather than guess */
            put(&o, '%');
            put(&o, *p);
        }
    }
    if (size > 0) buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}

int kiln_snprintf(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = kiln_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int kiln_printf(const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = kiln_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
    kiln_console_write(buf, len);
    return n;
}
