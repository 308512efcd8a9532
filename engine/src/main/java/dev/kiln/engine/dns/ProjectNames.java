package dev.kiln.engine.dns;

import dev.kiln.engine.api.NetworkNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who answers to which name in which project network, for the resolver: a VM of a network is
 * registered while it runs (its attachment lives), under its name and its aliases, with its
 * address on the bridge. A name is answered only to a VM of the same network, found by the
 * query's source address. Two running VMs of one network with the same alias (compose
 * replicas) both answer: the resolver returns every address.
 */
public final class ProjectNames {
    private record Member(String network, List<String> names, int address) {}

    /** address -> member. */
    private final Map<Integer, Member> byAddress = new HashMap<>();

    /** Registers a running VM (host byte order address) under its name and aliases in network. */
    public synchronized void register(String network, String name, List<String> aliases, int address) {
        List<String> names = new java.util.ArrayList<>();
        names.add(NetworkNames.key(name));
        for (String a : aliases) names.add(NetworkNames.key(a));
        byAddress.put(address, new Member(network, List.copyOf(names), address));
    }

    /** The VM of that address stopped. */
    public synchronized void unregister(int address) {
        byAddress.remove(address);
    }

    /** The network of the VM at this address, or null (not a VM of a network). */
    public synchronized String networkOf(int address) {
        Member m = byAddress.get(address);
        return m == null ? null : m.network();
    }

    /** The addresses that answer to name in network, empty if none (the name is unknown there). */
    public synchronized List<Integer> lookup(String network, String name) {
        String key = NetworkNames.key(name);
        return byAddress.values().stream()
                .filter(m -> m.network().equals(network) && m.names().contains(key))
                .map(Member::address).sorted().toList();
    }
}
