package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.memory.GuestRange;

/**
 * One hypercall of the ABI (docs/abi.md), a row of the {@link HypercallTable}: port
 * {@code HC_PORT_BASE + number}, its argument block, and its handler. The
 * {@link HypercallDispatcher} checks the port access and the block (8-byte aligned, wholly in
 * memory the guest may read, or write when the call has out fields) before the handler runs;
 * the handler checks what the block's fields point to, through {@code GuestMemory}.
 *
 * @param name the name in error messages: "console_write"
 * @param blockSize the argument block's size in bytes
 * @param writesBlock true if the call writes out fields into its block (then it must be guest-writable)
 */
public record Hypercall(int number, String name, int blockSize, boolean writesBlock, Handler handler) {
    /** What a hypercall does. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Serves the call. Returns null to resume the guest, or how the VM ends; throws
         * {@link GuestFault} when a value in the block breaks the ABI.
         */
        VmExit call(GuestRange block);
    }
}
