/**
 * Guest memory and the one way into it. {@link dev.kiln.vmm.memory.GuestRam} is the host
 * mapping; {@link dev.kiln.vmm.memory.GuestMemory} is the only class that reads or writes it:
 * for the guest, every range is checked against the {@link dev.kiln.vmm.memory.Region}s the
 * guest has mapped ({@link dev.kiln.vmm.memory.Access}) and handed out as a confined
 * {@link dev.kiln.vmm.memory.GuestRange}, or refused with a {@link dev.kiln.vmm.memory.GuestFault};
 * for the monitor's own setup, a writer that stops working once the guest runs.
 * {@link dev.kiln.vmm.memory.PageTables} maps the same regions, so what the CPU lets the guest
 * touch and what the monitor touches for it agree by construction (PageTablesTest walks them;
 * GuestMemoryConfinementTest checks that no other class reaches guest memory).
 */
package dev.kiln.vmm.memory;
