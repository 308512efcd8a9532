package dev.kiln.libos.socket;

import dev.kiln.libos.net.Clock;
import dev.kiln.libos.net.NetStack;

/**
 * The network the java.net classes use: one stack, its clock, and how calls block. An image
 * creates it on the first socket ({@code dev.kiln.libos.teavm.ImageNetwork}), so images that never
 * touch java.net do not contain the stack at all; the HotSpot tests install their own.
 */
public final class Network {
    private static Network current;

    public final NetStack stack;
    public final Clock clock;
    public final Blocker blocker;

    public Network(NetStack stack, Clock clock, Blocker blocker) {
        this.stack = stack;
        this.clock = clock;
        this.blocker = blocker;
    }

    /** Makes n the network of every socket created from now on (the HotSpot tests; null removes it). */
    public static void install(Network n) {
        current = n;
    }

    /**
     * The network, created on first use: in an image, the stack on the VM's net device. Null
     * when there is none; {@link #unavailableReason()} says why (the java.net classes turn it
     * into a SocketException: classes outside java.net never name those, see docs/net.md).
     */
    public static Network get() {
        Network n = current;
        if (n == null) {
            n = dev.kiln.libos.teavm.ImageNetwork.start();
            current = n;
        }
        return n;
    }

    public static String unavailableReason() {
        return "no network: this VM has no net device (run the image with kiln run -p HOSTPORT:GUESTPORT"
                + " or --net tap=NAME)";
    }

    public long now() {
        return clock.nanoTime();
    }

    /** The absolute deadline for a timeout in milliseconds (0 = none). */
    public long deadline(int timeoutMillis) {
        return timeoutMillis <= 0 ? 0 : clock.nanoTime() + timeoutMillis * 1_000_000L;
    }
}
