package dev.kiln.vmm;

import java.time.Duration;

/**
 * How a VM ended. {@link #exitStatus()} is what {@code kiln run} exits with, chosen to read
 * like a Unix process's status: the guest's own status, or 128+signal for the ways a
 * process dies, or a timeout(1)-style 124.
 */
public sealed interface VmExit {
    /** The status for the CLI, 0..255. */
    int exitStatus();

    /** One line for humans. */
    String describe();

    /** The guest called exit(status); the CLI exits with {@code status & 0xff}. */
    record Exited(long status) implements VmExit {
        public int exitStatus() {
            return (int) (status & 0xff);
        }

        public String describe() {
            return "exited with status " + status;
        }
    }

    /** The guest faulted (a triple fault: it has no IDT); 139, like a process killed by SIGSEGV. */
    record Crashed(CrashReport report) implements VmExit {
        public int exitStatus() {
            return 139;
        }

        public String describe() {
            return "crashed: " + report.summary();
        }
    }

    /** The guest called abort(message); 134, like SIGABRT. */
    record Aborted(String message) implements VmExit {
        public int exitStatus() {
            return 134;
        }

        public String describe() {
            return "aborted: " + message;
        }
    }

    /**
     * The guest broke the ABI (a bad hypercall block or pointer, an unknown port, an IN, a
     * wrong access size) or KVM could not run it (entry failure, internal error, an exit
     * Kiln does not handle); 159 = 128 + SIGSYS, as a process killed for a bad system call
     * would exit. (125 is kept for kiln's own errors, as `docker run` does.)
     */
    record GuestError(String message) implements VmExit {
        public int exitStatus() {
            return 159;
        }

        public String describe() {
            return "stopped on a guest error: " + message;
        }
    }

    /** The configured timeout passed; 124, like timeout(1). */
    record TimedOut(Duration after) implements VmExit {
        public int exitStatus() {
            return 124;
        }

        public String describe() {
            return "stopped by --timeout after " + after.toMillis() / 1000.0 + " s";
        }
    }

    /** {@link Vm#stop} was called; 143, like a process ended by SIGTERM. */
    record Stopped(String reason) implements VmExit {
        public int exitStatus() {
            return 143;
        }

        public String describe() {
            return "stopped: " + reason;
        }
    }
}
