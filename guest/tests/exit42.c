/* Exits with status 42, which must become the exit status of `kiln run`. */
#include <kiln/kiln.h>

int main(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    kiln_printf("exiting with 42\n");
    kiln_exit(42);
}
