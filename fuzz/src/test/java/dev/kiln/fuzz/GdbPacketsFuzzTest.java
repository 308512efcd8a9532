package dev.kiln.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kiln.vmm.gdb.RspReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The GDB stub's packet framing under Jazzer (`kiln fuzz parsers --target gdb`; docs/fuzzing.md):
 * whatever bytes a debugger sends, {@link RspReader} returns packets no longer than it promises,
 * interrupts and malformed frames, and reaches the end of the stream; it never throws and never
 * buffers without bound. A packet it returns frames back to the same packet.
 */
class GdbPacketsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void packets(byte[] data) throws IOException {
        RspReader reader = new RspReader(new ByteArrayInputStream(data));
        int events = 0;
        for (RspReader.Event e; (e = reader.next()) != null; ) {
            if (++events > data.length + 1) throw new AssertionError("more events than bytes");
            if (e instanceof RspReader.Packet p) {
                if (p.data().length() > RspReader.MAX_PACKET) throw new AssertionError("a packet over the maximum");
                RspReader.Event again = new RspReader(new ByteArrayInputStream(RspReader.frame(p.data()))).next();
                if (!p.equals(again)) throw new AssertionError("framing does not round-trip: " + p + " -> " + again);
            }
        }
    }
}
