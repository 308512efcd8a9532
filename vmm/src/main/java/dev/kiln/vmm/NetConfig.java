package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.device.net.NetBackend;

import java.util.Objects;

/**
 * A VM's net device: the backend its frames go through (a tap today; opened and closed by
 * the caller, used by the VM's I/O thread only while the VM runs) and what the guest is told
 * in the boot info.
 *
 * @param backend the host end of the wire, for example {@code new TapBackend(tap)}
 * @param mac the guest's MAC address, low 48 bits (first byte in bits 47..40); unicast
 * @param mtu the IP MTU, {@link Abi#NET_MTU_MIN}..{@link Abi#NET_MTU_MAX}, at least {@link #DHCP_MIN_MTU} without
 *            a static address; frames are at most mtu + 14 bytes
 * @param ipv4 a static address (host byte order), 0 for DHCP
 * @param prefixLen 0..32; 1..32 with a static address
 * @param gateway host byte order, 0 for none
 */
public record NetConfig(NetBackend backend, long mac, int mtu, int ipv4, int prefixLen, int gateway) {
    public static final int DEFAULT_MTU = 1500;
    /** RFC 2131 2: a DHCP client must receive 576-byte datagrams; on a smaller MTU only a static address works. */
    public static final int DHCP_MIN_MTU = 576;

    public NetConfig {
        Objects.requireNonNull(backend, "backend");
        if ((mac & ~0xffff_ffff_ffffL) != 0) throw new IllegalArgumentException("MAC has more than 48 bits");
        if ((mac & (1L << 40)) != 0) throw new IllegalArgumentException("MAC is multicast (bit 0 of the first byte)");
        if (mac == 0) throw new IllegalArgumentException("MAC is 00:00:00:00:00:00");
        if (mtu < Abi.NET_MTU_MIN || mtu > Abi.NET_MTU_MAX) {
            throw new IllegalArgumentException("MTU " + mtu + " is outside " + Abi.NET_MTU_MIN + ".." + Abi.NET_MTU_MAX);
        }
        if (ipv4 == 0 && mtu < DHCP_MIN_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " is too small for DHCP (RFC 2131 needs " + DHCP_MIN_MTU
                    + "): give the VM a static address (kiln run --ip)");
        }
        if (prefixLen < 0 || prefixLen > 32 || (ipv4 != 0 && prefixLen == 0)) {
            throw new IllegalArgumentException("prefix length " + prefixLen + " is not valid for this address");
        }
    }

    /** The longest frame the device passes either way. */
    public int maxFrame() {
        return mtu + Abi.NET_ETH_HEADER;
    }

    /** A locally administered unicast MAC 02:4b:49:xx:xx:xx (02 + "KI") from a 24-bit suffix. */
    public static long localMac(int suffix) {
        return 0x02_4b49_000000L | (suffix & 0xffffffL);
    }

    /** 02:4b:49:4c:4e:02 style text. */
    public static String macText(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (sb.length() > 0) sb.append(':');
            sb.append(String.format("%02x", (mac >>> shift) & 0xff));
        }
        return sb.toString();
    }
}
