package dev.kiln.libos.classlib.java.net;

/** java.net.Inet4Address in native images: the only kind of address there is. */
public final class TInet4Address extends TInetAddress {
    private static final long serialVersionUID = 1L;

    TInet4Address(String hostName, int address) {
        super(hostName, address);
    }
}
