package dev.kiln.libos.net;

/**
 * Where the stack puts outgoing Ethernet frames: the VMM's net ring in an image, a tap device
 * in the host tests, another stack in the in-memory tests. The frame is only valid during the
 * call: the stack reuses the array for the next frame (no per-packet garbage), so a sink that
 * queues must copy.
 */
public interface FrameSink {
    void send(byte[] frame, int offset, int length);
}
