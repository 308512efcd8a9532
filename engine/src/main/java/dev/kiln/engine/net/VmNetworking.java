package dev.kiln.engine.net;

import dev.kiln.engine.api.VmDefinition;
import dev.kiln.vmm.NetConfig;
import dev.kiln.image.StaticIp;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where a VM's network comes from: the engine asks for one at every start of a VM and closes it
 * when that run ends. Two implementations: {@link BridgeNetworking} (root's daemon by default:
 * every VM with a network is a tap on the daemon's bridge, with an address from its pool) and
 * {@link PrivateNamespaceNetworking} (`--bridge none`: a VM with published ports gets a network
 * namespace of its own, as `kiln run -p` does). passt for users without root plugs in here.
 */
public interface VmNetworking extends AutoCloseable {
    /**
     * The daemon's start, before any VM starts: drops what belongs to VMs that no longer exist
     * and what a previous daemon left behind.
     */
    default void reconcile(java.util.Collection<String> vmIds) throws IOException {}

    /** The VM was removed: whatever it held for good (its address) is free again. */
    default void release(String vmId) throws IOException {}

    /** The daemon's clean stop, after every VM ended: removes what this networking made on the host. */
    @Override
    default void close() {}

    /** Refuses, at create time, a definition this networking cannot serve (IllegalArgumentException: the user's to fix). */
    void check(VmDefinition definition);

    /**
     * Sets up the network for one run; null when the definition asks for none.
     *
     * @param manifestIp the address the image's manifest asks for, or null
     * @param log lines about connections that could not be served, for the VM's log
     * @throws IllegalArgumentException the user's to fix (a host port in use, no root)
     */
    Attachment attach(VmDefinition definition, StaticIp manifestIp, Consumer<String> log) throws IOException;

    /** One run's network: the net device's configuration, and how the host reaches the guest. */
    interface Attachment extends AutoCloseable {
        NetConfig config();

        /** The guest's side, for health checks. */
        GuestEndpoint guest();

        /** One line for inspect: addresses and published ports. */
        String summary();

        /** Tears it down; called after the run ended. Idempotent. */
        @Override
        void close();
    }
}
