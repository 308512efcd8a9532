package dev.kiln.vmm.hypercall;

import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.device.net.NetDevice;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.memory.GuestRange;

/**
 * KILN_HC_NET_NOTIFY {queues}: the guest made descriptors available and the device asked to be
 * told (event index): wakes its I/O thread. A bad mask, or a VM without a net device, is a
 * guest error.
 */
public final class NetNotifyCall implements Hypercall.Handler {
    private final NetDevice net;

    /** @param net the VM's net device, or null */
    public NetNotifyCall(NetDevice net) {
        this.net = net;
    }

    @Override
    public VmExit call(GuestRange block) {
        if (net == null) throw new GuestFault("net_notify: this VM has no net device (boot info net_base is 0)");
        long queues = block.getLong(Abi.NET_NOTIFY_QUEUES);
        if (queues == 0 || (queues & ~(Abi.NET_NOTIFY_RX | Abi.NET_NOTIFY_TX)) != 0) {
            throw new GuestFault(String.format("net_notify: queue mask 0x%x names no queue or one that does not exist",
                    queues));
        }
        net.notifyQueues();
        return null;
    }
}
