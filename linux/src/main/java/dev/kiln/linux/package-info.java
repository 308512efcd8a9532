/**
 * Linux through the FFM API, defined once for all of Kiln: {@link dev.kiln.linux.Libc} (the libc
 * calls, each returning -errno on failure as the kernel does), {@link dev.kiln.linux.Errno} and
 * {@link dev.kiln.linux.ErrnoException}; {@link dev.kiln.linux.kvm} holds KVM's numbers and layouts.
 *
 * <p>Two users: the monitor on the host, and the jvm flavor's init, PID 1 inside a jvm image,
 * whose small jar carries these classes (not the KVM package). So this module has no
 * dependencies and its code stays cheap to start (no lambdas, no indy string concatenation).
 */
package dev.kiln.linux;
