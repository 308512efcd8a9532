package dev.kiln.vmm.device.net;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.GuestLayout;
import dev.kiln.vmm.MappedGuest;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.memory.GuestMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One ring's checks with the values a hostile guest can write, on a real net region in
 * guest memory (no KVM: the test plays the guest by writing the ring itself).
 */
class NetQueueTest {
    private static final int FRAME = 1514;
    private MappedGuest g;
    private GuestMemory.BootWriter guest;
    private long rxBase, txBase, buffers;

    @BeforeEach
    void setUp() {
        g = new MappedGuest("netecho", 32L << 20, true);
        guest = g.memory.boot();
        rxBase = g.layout.netBase + Abi.NET_QUEUE_RX * Abi.NET_QUEUE_STRIDE;
        txBase = g.layout.netBase + Abi.NET_QUEUE_TX * Abi.NET_QUEUE_STRIDE;
        buffers = g.layout.netBase + Abi.NET_BUFFERS_OFFSET;
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private NetQueue rx() {
        return new NetQueue(g.memory, rxBase, "rx", true, FRAME);
    }

    private NetQueue tx() {
        return new NetQueue(g.memory, txBase, "tx", false, FRAME);
    }

    /** The guest makes descriptor {@code head} available in slot {@code slot} and publishes index {@code idx}. */
    private void offer(long base, int slot, int head, long addr, long len, int flags, int idx) {
        long d = base + Abi.NET_DESC_OFFSET + (long) head * Abi.DESC_SIZE;
        guest.putLong(d + Abi.DESC_ADDR, addr);
        guest.putInt(d + Abi.DESC_LEN, (int) len);
        guest.putShort(d + Abi.DESC_FLAGS, (short) flags);
        guest.putShort(base + Abi.NET_AVAIL_OFFSET + Abi.AVAIL_RING + 2L * (slot % Abi.NET_QUEUE_SIZE), (short) head);
        guest.putShort(base + Abi.NET_AVAIL_OFFSET + Abi.AVAIL_IDX, (short) idx);
    }

    private static String fault(Runnable r) {
        return assertThrows(GuestFault.class, r::run).getMessage();
    }

    @Test
    void aGoodTxDescriptorIsPeekedConsumedAndReturned() {
        NetQueue tx = tx();
        offer(txBase, 0, 7, buffers + 7 * 2048, 60, 0, 1);
        assertEquals(1, tx.available());
        tx.peek();
        assertEquals(7, tx.head);
        assertEquals(60, tx.len);
        assertEquals(buffers + 7 * 2048, tx.buffer.address());
        tx.consume();
        assertEquals(0, tx.available());
        guest.putShort(txBase + Abi.NET_AVAIL_OFFSET + Abi.AVAIL_USED_EVENT, (short) 0);
        assertFalse(tx.wantsWake());
        tx.push(tx.head, 0);
        long used = txBase + Abi.NET_USED_OFFSET;
        assertEquals(7, (int) guest.getLong(used + Abi.USED_RING));
        assertEquals(1, guest.getLong(used + Abi.USED_IDX) & 0xffff);
        assertTrue(tx.wantsWake(), "used.idx 1 passed used_event 0");
    }

    @Test
    void anAvailableIndexTooFarAheadIsAFault() {
        NetQueue tx = tx();
        guest.putShort(txBase + Abi.NET_AVAIL_OFFSET + Abi.AVAIL_IDX, (short) 1000);
        assertEquals("net tx ring: available index 1000 is 1000 ahead of the 0 the device consumed; at most 256"
                + " descriptors can be outstanding", fault(tx::available));
        guest.putShort(txBase + Abi.NET_AVAIL_OFFSET + Abi.AVAIL_IDX, (short) 0xffff);
        assertTrue(fault(tx::available).contains("is 65535 ahead"), "an index behind is as bad as one far ahead");
    }

    @Test
    void headsFlagsAndLengthsAreChecked() {
        NetQueue tx = tx(), rx = rx();
        offer(txBase, 0, 0, buffers, 60, 0, 1);
        guest.putShort(txBase + Abi.NET_AVAIL_OFFSET + Abi.AVAIL_RING, (short) 4000);
        assertEquals("net tx ring: available slot 0 names descriptor 4000; there are 256", fault(tx::peek));
        offer(txBase, 0, 0, buffers, 60, Abi.NET_DESC_F_WRITE, 1);
        assertTrue(fault(tx::peek).startsWith("net tx descriptor 0: flags 0x2, expected 0x0"));
        offer(rxBase, 0, 3, buffers, FRAME, 0, 1);
        assertTrue(fault(rx::peek).startsWith("net rx descriptor 3: flags 0x0, expected 0x2"));
        offer(rxBase, 0, 3, buffers, 100, Abi.NET_DESC_F_WRITE, 1);
        assertEquals("net rx descriptor 3: buffer of 100 bytes is shorter than a frame (1514)", fault(rx::peek));
    }

    @Test
    void buffersMustBeInMemoryTheGuestMayUse() {
        NetQueue tx = tx(), rx = rx();
        offer(rxBase, 0, 0, GuestLayout.BOOT_INFO, 2048, Abi.NET_DESC_F_WRITE, 1);
        assertTrue(fault(rx::peek).startsWith("net rx descriptor 0: buffer 0x4000 (+1514 bytes) is not in guest writable memory"));
        GuestImage.Segment text = g.image.segments().stream().filter(GuestImage.Segment::executable).findFirst().orElseThrow();
        offer(rxBase, 0, 0, text.vaddr(), 2048, Abi.NET_DESC_F_WRITE, 1);
        assertTrue(fault(rx::peek).contains("is not in guest writable memory"));
        offer(txBase, 0, 0, text.vaddr(), 60, 0, 1);
        tx.peek(); // the guest may send from memory it can only read
        offer(txBase, 0, 0, 0xffff_ffff_ffff_fff0L, 60, 0, 1);
        assertTrue(fault(tx::peek).startsWith("net tx descriptor 0: buffer 0xfffffffffffffff0 (+60 bytes)"));
        offer(txBase, 0, 0, GuestLayout.PT_POOL, 60, 0, 1);
        assertTrue(fault(tx::peek).contains("is not in guest readable memory"));
        offer(txBase, 0, 0, g.layout.stackTop - 30, 60, 0, 1);
        assertTrue(fault(tx::peek).contains("is not in guest readable memory"), "runs past the end of memory");
    }

    @Test
    void indicesWrapAroundAt65536() {
        NetQueue tx = tx();
        for (int i = 0; i < 70_000; i++) {
            offer(txBase, i, i % 256, buffers, 60, 0, (i + 1) & 0xffff);
            assertEquals(1, tx.available(), "at " + i);
            tx.peek();
            tx.consume();
            tx.push(tx.head, 0);
        }
        assertEquals(70_000 & 0xffff, guest.getLong(txBase + Abi.NET_USED_OFFSET + Abi.USED_IDX) & 0xffff);
    }

    @Test
    void armingAnEventIndexIsSeenByTheVcpuSide() {
        NetQueue tx = tx();
        tx.armNotify(true);
        assertFalse(tx.pastArmedEvent(), "nothing made available since");
        offer(txBase, 0, 0, buffers, 60, 0, 1);
        assertTrue(tx.pastArmedEvent());
        tx.armNotify(false);
        assertEquals(0x8000, guest.getLong(txBase + Abi.NET_USED_OFFSET + Abi.USED_AVAIL_EVENT) & 0xffff);
    }
}
