package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The receive queue of a bound UDP port: what a burst keeps, what it drops, in which order. */
class UdpSocketTest {
    private static final int MAX_PAYLOAD = 1500 - Ipv4.HEADER - Udp.HEADER;

    /**
     * dnsperf's window of 200 queries arriving while the server is busy: all kept with the
     * default queue (with 32 datagrams, 168 of them were dropped); beyond the queue, dropped.
     */
    @Test
    void aBurstUpToTheQueueIsKeptInOrderAndTheRestDropped() {
        int queue = new NetConfig().udpQueueDatagrams;
        assertTrue(queue >= 200, "the default queue holds a DNS client's window of 200: " + queue);
        UdpSocket s = new UdpSocket(null, 53, queue, MAX_PAYLOAD);
        byte[] frame = new byte[64];
        for (int i = 0; i < queue; i++) {
            frame[10] = (byte) i;
            assertTrue(s.deliver(frame, 10, 20, 0x0a000002, 40000 + i), "datagram " + i);
        }
        assertFalse(s.deliver(frame, 10, 20, 0x0a000002, 1), "the queue is full");
        assertEquals(queue * MAX_PAYLOAD, s.receiveBufferBytes());
        byte[] got = new byte[32];
        for (int i = 0; i < queue; i++) {
            assertEquals(20, s.receive(got, 0, got.length));
            assertEquals((byte) i, got[0]);
            assertEquals(40000 + i, s.lastSourcePort());
        }
        assertEquals(-1, s.receive(got, 0, got.length));
        assertTrue(s.deliver(frame, 10, 20, 0x0a000002, 1), "room again once received");
    }

    @Test
    void aDatagramLargerThanTheSlotsIsDropped() {
        UdpSocket s = new UdpSocket(null, 53, 4, MAX_PAYLOAD);
        assertFalse(s.deliver(new byte[2000], 0, MAX_PAYLOAD + 1, 1, 1));
        assertTrue(s.deliver(new byte[2000], 0, MAX_PAYLOAD, 1, 1));
    }
}
