package dev.kiln.vmm.device.net;

import dev.kiln.vmm.memory.GuestRange;

import java.io.IOException;

/**
 * Where a net device's frames go on the host: the other end of the guest's wire. The device
 * hands over frames and buffers in guest memory, already checked, and the backend moves the
 * bytes straight between them and the host (no copy in between where the host allows it).
 *
 * <p>Called by the device's I/O thread only, never blocking: the thread waits for
 * {@link #pollFd} in poll(2) together with its doorbell. A backend speaking a stream
 * protocol (passt's, for rootless networking: a unix socket carrying each frame behind a
 * 32-bit length) keeps its partial frames itself and answers {@link #receive} with 0 until
 * one is whole. The backend's descriptor belongs to whoever made the backend, who closes it
 * after the VM ended.
 */
public interface NetBackend {
    /**
     * Sends the frame that fills {@code frame}. False if the host dropped it (its queue is
     * full, the link is down), as a wire loses a frame; an IOException ends the VM.
     */
    boolean send(GuestRange frame) throws IOException;

    /**
     * Receives one waiting frame into the start of {@code buffer} (room for the largest
     * frame); its length, or 0 when none is waiting. A longer frame is truncated.
     */
    int receive(GuestRange buffer) throws IOException;

    /** A descriptor poll(2) reports readable when {@link #receive} may have a frame. */
    int pollFd();

    /** For messages: "tap kiln0". */
    String name();
}
