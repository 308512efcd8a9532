/*
 * Entry point of every native image. The monitor has already built the page
 * tables, GDT, TLS (FS base) and the stack, and enters here at CPL 3 with
 * RDI = address of struct kiln_boot_info and RSP 16-byte aligned minus 8, as
 * if _start had been called. There is nothing to return to.
 */
    .section .text._start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    xorl %ebp, %ebp              /* terminate frame-pointer chains for crash reports */
    andq $-16, %rsp              /* the SysV ABI wants RSP 16-aligned before a call (SSE spills use movaps) */
    call kiln_start              /* C entry: stores boot info, calls main, exits */
    ud2                          /* kiln_start never returns */
    .size _start, . - _start

    .section .note.GNU-stack, "", @progbits
