package dev.kiln.libos.net;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * libos's receive path under Jazzer (`kiln fuzz parsers`; docs/fuzzing.md): the TCP segment
 * parser ({@link TcpSegment#read}) and a stack's IPv4 input (an Ethernet frame into
 * {@link NetStack#receive}, which parses IPv4 and hands on to ICMP, UDP and TCP with a listener
 * and a socket open). The first input byte chooses whether the harness fixes the checksum up,
 * so that the parsers behind it are reached. Nothing may throw (NetStack counts what it catches
 * in internalErrors, which must stay 0). Seeds and findings:
 * src/test/resources/dev/kiln/libos/net/NetParsersFuzzTestInputs/.
 */
class NetParsersFuzzTest {
    private static final int PEER = 0x0a000001, US = 0x0a000002;
    private static final long MAC = 0x02_4b49_000002L, PEER_MAC = 0x02_4b49_000001L;

    @FuzzTest(maxDuration = "60s")
    void tcpSegment(byte[] data) {
        if (data.length == 0) return;
        byte[] f = Arrays.copyOfRange(data, 1, data.length);
        if ((data[0] & 1) == 0 && f.length >= 18) {
            Bytes.put16(f, 16, 0);
            Bytes.put16(f, 16, Checksum.finish(Checksum.add(Checksum.pseudo(PEER, US, Ipv4.PROTO_TCP, f.length), f, 0, f.length)));
        }
        TcpSegment s = new TcpSegment();
        if (s.read(new NetStats(), f, 0, f.length, PEER, US)) {
            if (s.dataOff < TcpSegment.HEADER || s.dataOff + s.dataLen != f.length || s.dataLen < 0) {
                throw new AssertionError("payload [" + s.dataOff + ", +" + s.dataLen + ") of a " + f.length + "-byte segment");
            }
            if (s.sackBlocks < 0 || s.sackBlocks > 4 || s.wscale < -1 || s.wscale > 255 || s.srcPort == 0 || s.dstPort == 0) {
                throw new AssertionError("fields out of range: sack " + s.sackBlocks + " wscale " + s.wscale);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void ipv4Frame(byte[] data) {
        if (data.length == 0) return;
        long[] now = {1_000_000_000L};
        NetStack stack = new NetStack(NetConfig.staticIp(MAC, US, 24, PEER), () -> now[0], (frame, off, len) -> { });
        stack.listen(80, 4);
        stack.bindUdp(53);
        byte[] f = new byte[14 + data.length - 1];
        for (int i = 0; i < 6; i++) f[i] = (byte) (MAC >>> (40 - 8 * i));
        for (int i = 0; i < 6; i++) f[6 + i] = (byte) (PEER_MAC >>> (40 - 8 * i));
        f[12] = 0x08;
        System.arraycopy(data, 1, f, 14, data.length - 1);
        int ihl = f.length > 14 ? (f[14] & 0xf) * 4 : 0;
        if ((data[0] & 1) == 0 && ihl >= 20 && 14 + ihl <= f.length) {
            Bytes.put16(f, 24, 0);
            Bytes.put16(f, 24, Checksum.finish(Checksum.add(0, f, 14, ihl)));
        }
        stack.receive(f, f.length);
        now[0] += 5_000_000_000L;
        stack.poll(now[0]);
        if (stack.stats().internalErrors != 0) throw new AssertionError("the stack threw: " + stack.stats().lastInternalError);
    }
}
