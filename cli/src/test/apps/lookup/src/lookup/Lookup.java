package lookup;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * `lookup NAME...`: each NAME through InetAddress.getByName, that is through the guest's stub
 * resolver and the nameserver its boot info names; one line per name, then "lookup done".
 * State lives in fields, not in locals kept across a blocking call (see docs/net.md on
 * TeaVM's miscompile of those).
 */
public final class Lookup {
    static String[] names;
    static int next;

    private Lookup() {}

    public static void main(String[] args) {
        names = args;
        for (next = 0; next < names.length; next++) System.out.println(ask(names[next]));
        System.out.println("lookup done");
    }

    static String ask(String name) {
        try {
            return name + " -> " + InetAddress.getByName(name).getHostAddress();
        } catch (UnknownHostException e) {
            return name + " failed: " + e.getMessage();
        }
    }
}
