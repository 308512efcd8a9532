/*
 * Carries a Kiln manifest note (owner "Kiln", type 1, key=value lines) asking
 * for 48 MiB, two arguments and an environment variable; prints what it got.
 */
#include <kiln/kiln.h>

#define MANIFEST "name=manifest-test\nmemory_mb=48\narg=first\narg=second arg\nenv=GREETING=hi\n"

struct kiln_note {
    uint32_t namesz, descsz, type;
    char name[8];                          /* "Kiln\0" padded to 4-byte alignment */
    char desc[(sizeof MANIFEST + 3) & ~3u];
};

__attribute__((used, section(".note.kiln"), aligned(4)))
static const struct kiln_note manifest_note = {
    .namesz = 5, .descsz = sizeof MANIFEST - 1, .type = 1, .name = "Kiln", .desc = MANIFEST,
};

int main(int argc, char **argv, char **envp) {
    kiln_printf("mem_size=%llu\n", (unsigned long long)kiln_boot_info()->mem_size);
    for (int i = 0; i < argc; i++) kiln_printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = envp; *e; e++) kiln_printf("env=%s\n", *e);
    return 0;
}
