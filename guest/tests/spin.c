/* Never exits and never yields: only the monitor's --timeout or stop can end it. */
#include <kiln/kiln.h>

int main(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    kiln_printf("spinning\n");
    for (volatile uint64_t i = 0;; i++) {
    }
}
