/*
 * Touches one address the way the test asks, to prove the page protections:
 *   memprobe read ADDR | write ADDR | exec ADDR | write-text | exec-stack | write-rodata
 * Prints "survived" if the access did not fault (which the tests treat as a failure).
 */
#include <kiln/kiln.h>

static const char rodata_word[8] = "ro";

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static uint64_t parse_addr(const char *s) {
    uint64_t v = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
    for (;; s++) {
        char c = *s;
        if (c >= '0' && c <= '9') v = v * 16 + (uint64_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v = v * 16 + (uint64_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v = v * 16 + (uint64_t)(c - 'A' + 10);
        else return v;
    }
}

__attribute__((noinline)) void probe_read(volatile uint8_t *p) { kiln_printf("read %u\n", *p); }
__attribute__((noinline)) void probe_write(volatile uint8_t *p) { *p = 0xcc; }
__attribute__((noinline)) void probe_exec(void *p) { ((void (*)(void))p)(); }

int main(int argc, char **argv, char **envp) {
    (void)envp;
    if (argc < 2) kiln_abort("usage: memprobe read|write|exec ADDR | write-text | exec-stack | write-rodata");
    const char *op = argv[1];
    if (streq(op, "write-text")) {
        probe_write((volatile uint8_t *)(uintptr_t)&probe_read);
    } else if (streq(op, "write-rodata")) {
        probe_write((volatile uint8_t *)(uintptr_t)rodata_word);
    } else if (streq(op, "exec-stack")) {
        uint8_t code[16] = {0xc3}; /* ret */
        probe_exec(code);
    } else if (argc >= 3 && streq(op, "read")) {
        probe_read((volatile uint8_t *)(uintptr_t)parse_addr(argv[2]));
    } else if (argc >= 3 && streq(op, "write")) {
        probe_write((volatile uint8_t *)(uintptr_t)parse_addr(argv[2]));
    } else if (argc >= 3 && streq(op, "exec")) {
        probe_exec((void *)(uintptr_t)parse_addr(argv[2]));
    } else {
        kiln_abort("memprobe: unknown operation");
    }
    kiln_printf("survived\n");
    return 0;
}
