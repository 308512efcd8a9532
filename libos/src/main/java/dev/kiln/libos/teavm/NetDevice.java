package dev.kiln.libos.teavm;

import org.teavm.interop.Address;
import org.teavm.interop.Import;

/** The guest C API of the VM's net device (guest/include/kiln/net.h, implemented in guest/runtime/net.c). */
final class NetDevice {
    private NetDevice() {
    }

    /** Fills struct kiln_net_info (abi.h; its layout is Abi's NET_INFO_* offsets); 0, or -1 without a device. */
    @Import(name = "kiln_net_init")
    static native int init(Address info);

    /** The length of the next received frame copied to buf, 0 if none waits. */
    @Import(name = "kiln_net_recv")
    static native int recv(Address buf, int cap);

    /** 0 = queued, -1 = transmit ring full (retry after flush). */
    @Import(name = "kiln_net_send")
    static native int send(Address buf, int len);

    @Import(name = "kiln_net_flush")
    static native void flush();
}
