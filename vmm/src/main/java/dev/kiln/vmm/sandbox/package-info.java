/**
 * The monitor's threads under seccomp: each kind of monitor thread (vCPU, net I/O, timeout,
 * port relay) confines itself, first thing, to a filter that allows only the system calls its
 * job needs; a forbidden call kills the process. See docs/security.md.
 *
 * <p>{@link dev.kiln.vmm.sandbox.MonitorFilters} holds the lists (measured, each entry
 * explained), {@link dev.kiln.vmm.sandbox.SyscallFilter} and {@code BpfAssembler} compile a
 * list to seccomp BPF, {@code SeccompCalls} installs it through FFM (prctl and seccomp(2),
 * without TSYNC: the calling thread only), {@link dev.kiln.vmm.sandbox.Sandbox} is the one
 * call a thread makes and holds the mode (on, log, off), {@link dev.kiln.vmm.sandbox.MonitorThreads}
 * starts threads so that none inherits a filter, and {@code MonitorClasses} loads the
 * monitor's classes before the first thread is confined (class loading reads files).
 */
package dev.kiln.vmm.sandbox;
