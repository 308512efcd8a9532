/* Executes an invalid instruction (ud2). */
#include <kiln/kiln.h>

__attribute__((noinline)) void execute_invalid_opcode(void) {
    __asm__ volatile("ud2");
}

int main(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    kiln_printf("executing ud2\n");
    execute_invalid_opcode();
    return 0;
}
