/**
 * The x86-64 state a native image wakes up in: GDT, TSS and its I/O bitmap, segment and control
 * registers, entry registers, and the TSC set against the wall clock ({@link dev.kiln.vmm.x86.X86Setup}).
 * CPUID is set once per vCPU, when the shell is made ({@code dev.kiln.vmm.kvm}).
 */
package dev.kiln.vmm.x86;
