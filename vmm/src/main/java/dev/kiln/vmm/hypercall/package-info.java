/**
 * The hypercalls of the ABI (docs/abi.md): {@link dev.kiln.vmm.hypercall.HypercallTable} lists
 * them, one {@link dev.kiln.vmm.hypercall.Hypercall} row each with its small handler;
 * {@link dev.kiln.vmm.hypercall.HypercallDispatcher} turns a port-I/O exit into a call, after
 * checking the access and the argument block. Anything the ABI does not define, an unknown
 * call number included, ends that VM as a guest error (exit status 159).
 */
package dev.kiln.vmm.hypercall;
