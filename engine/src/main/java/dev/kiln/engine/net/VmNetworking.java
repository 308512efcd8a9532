package dev.kiln.engine.net;

import dev.kiln.engine.api.VmDefinition;
import dev.kiln.vmm.NetConfig;
import dev.kiln.image.StaticIp;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where a VM's network comes from: the engine asks for one at every start of a VM and closes it
 * when that run ends. Today's implementation ({@link PrivateNamespaceNetworking}) gives a VM with
 * published ports a network namespace of its own, as `kiln run -p` does; a host bridge with an
 * address pool, DNS names and passt for users without root plug in here later.
 */
public interface VmNetworking {
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
