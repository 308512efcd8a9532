/* Overflows a stack buffer; -fstack-protector-strong must catch it through the canary at %fs:0x28. */
#include <kiln/kiln.h>

__attribute__((noinline)) void smash(volatile char *src, int n) {
    char buf[16];
    for (int i = 0; i < n; i++) buf[i] = src[i % 4];
    kiln_printf("copied %d bytes (%c)\n", n, buf[0]);
}

int main(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    volatile char src[4] = {'a', 'b', 'c', 'd'};
    smash(src, 8);   /* fits */
    smash(src, 64);  /* overflows into the canary */
    return 0;
}
