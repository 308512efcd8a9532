/* C side of the entry: keep the boot info, check it, run main, exit with its status. */
#include <kiln/kiln.h>

int main(int argc, char **argv, char **envp);

static const struct kiln_boot_info *boot_info;

const struct kiln_boot_info *kiln_boot_info(void) { return boot_info; }

__attribute__((noreturn)) void kiln_start(const struct kiln_boot_info *bi) {
    boot_info = bi;
    if (bi->magic != KILN_BOOT_MAGIC || bi->abi_version != KILN_ABI_VERSION)
        kiln_abort("kiln: boot info has a wrong magic or ABI version");
    if (bi->tsc_khz == 0) kiln_abort("kiln: the monitor gave no TSC frequency");
    kiln_exit(main((int)bi->argc, (char **)(uintptr_t)bi->argv, (char **)(uintptr_t)bi->envp));
}
