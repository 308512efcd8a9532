package dev.kiln.engine.api;

/**
 * A published TCP port: 127.0.0.1:hostPort on the host reaches the guest's guestPort.
 */
public record PortMapping(int hostPort, int guestPort) {
    public PortMapping {
        if (hostPort < 1 || hostPort > 65535) throw new IllegalArgumentException("host port " + hostPort + " is not 1..65535");
        if (guestPort < 1 || guestPort > 65535) throw new IllegalArgumentException("guest port " + guestPort + " is not 1..65535");
    }

    /** HOSTPORT:GUESTPORT, as -p takes it. */
    public static PortMapping parse(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,5}") || !parts[1].matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("'" + s + "' is not HOSTPORT:GUESTPORT");
        }
        return new PortMapping(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return "127.0.0.1:" + hostPort + "->" + guestPort + "/tcp";
    }
}
