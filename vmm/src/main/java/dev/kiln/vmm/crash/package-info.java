/**
 * What a guest's triple fault means: {@link dev.kiln.vmm.crash.CrashAnalyzer} turns its registers
 * into a {@code CrashReport} with the faulting function and a hint (null dereference, stack
 * overflow, W^X, ...).
 */
package dev.kiln.vmm.crash;
