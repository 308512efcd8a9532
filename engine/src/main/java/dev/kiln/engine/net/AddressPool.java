package dev.kiln.engine.net;

import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.state.AtomicFiles;
import dev.kiln.image.StaticIp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The bridge's addresses (IPAM): each VM on the bridge holds one address of the subnet from
 * its first start until it is removed, so it keeps its address across restarts and daemon
 * restarts, and no address is given to two VMs at once. The leases are a file of the state
 * directory ({@code network/addresses.json}: subnet and VM id to address), written atomically
 * before the VM that got a new address runs. The gateway (the bridge's own address: the first
 * of the subnet) and the subnet's network and broadcast addresses are never leased; a freed
 * address is leased again only after its VM was removed, lowest free address first.
 *
 * <p>Leases taken at once share their writes (a group commit): the leases are changed under
 * the pool's lock, then whoever writes next writes every change made so far, and a lease
 * returns once a write that includes it is done. One write of the whole file (fsynced) per
 * lease, under the lock, made a thousand concurrent starts wait in line behind a thousand
 * writes of a growing file.
 */
public final class AddressPool {
    private final Path file;
    private final StaticIp gateway;
    private final int first, last;
    /** VM id -> address (host byte order). */
    private final Map<String, Integer> leases = new TreeMap<>();
    private final Set<Integer> taken = new HashSet<>();
    /** Changes made (guarded by this) and changes on disk (guarded by writer). */
    private long changes, saved;
    private final Object writer = new Object();

    private AddressPool(Path file, StaticIp gateway) {
        this.file = file;
        this.gateway = gateway;
        int network = gateway.address() & gateway.netmask();
        int broadcast = network | ~gateway.netmask();
        this.first = network + 1;
        this.last = broadcast - 1;
    }

    /** The subnet's first address as the gateway: 10.89.0.0/16 gives 10.89.0.1/16. */
    public static StaticIp gatewayOf(String subnetCidr) {
        String[] parts = subnetCidr.strip().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("subnet '" + subnetCidr + "' is not A.B.C.D/PREFIX");
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 29) throw new IllegalArgumentException("subnet '" + subnetCidr + "': the prefix must be 8..29");
        int address = StaticIp.address(parts[0]);
        int mask = -1 << (32 - prefix);
        if ((address & ~mask) != 0) {
            throw new IllegalArgumentException("subnet '" + subnetCidr + "' has host bits set (did you mean "
                    + StaticIp.text(address & mask) + "/" + prefix + "?)");
        }
        return new StaticIp(address + 1, prefix, 0);
    }

    /**
     * Loads the leases of {@code dir/addresses.json} (none if it is missing), keeping only those
     * of VMs in {@code vmIds} whose address lies in the gateway's subnet (a VM whose lease was
     * dropped gets a new address at its next start); the drops are logged.
     */
    public static AddressPool open(Path dir, StaticIp gateway, Collection<String> vmIds, Consumer<String> log) throws IOException {
        Files.createDirectories(dir);
        AddressPool pool = new AddressPool(dir.resolve("addresses.json"), gateway);
        if (Files.exists(pool.file)) {
            Stored stored = ApiJson.mapper().readValue(pool.file.toFile(), Stored.class);
            Map<String, String> saved = stored.leases() == null ? Map.of() : stored.leases();
            for (var e : saved.entrySet()) {
                int a;
                try {
                    a = StaticIp.address(e.getValue());
                } catch (IllegalArgumentException bad) {
                    log.accept("address pool: dropping the lease of VM " + e.getKey() + ": " + bad.getMessage());
                    continue;
                }
                if (!vmIds.contains(e.getKey())) {
                    log.accept("address pool: releasing " + e.getValue() + " of VM " + e.getKey() + ", which no longer exists");
                } else if (a < pool.first || a > pool.last || a == gateway.address() || !pool.taken.add(a)) {
                    log.accept("address pool: VM " + e.getKey() + "'s address " + e.getValue() + " is not free in "
                            + pool.subnet() + "; it gets a new one at its next start");
                } else {
                    pool.leases.put(e.getKey(), a);
                }
            }
        }
        pool.save();
        return pool;
    }

    /** The subnet, A.B.C.D/PREFIX. */
    public String subnet() {
        return StaticIp.text(gateway.address() & gateway.netmask()) + "/" + gateway.prefixLen();
    }

    /** The VM's address, leasing the lowest free one (and saving the leases) if it holds none. */
    public StaticIp lease(String vmId) throws IOException {
        int held;
        long change;
        synchronized (this) {
            Integer h = leases.get(vmId);
            if (h != null) return new StaticIp(h, gateway.prefixLen(), gateway.address());
            held = free();
            leases.put(vmId, held);
            taken.add(held);
            change = ++changes;
        }
        try {
            persist(change);
        } catch (IOException e) {
            synchronized (this) { // not on disk: the address is free again (the VM does not start)
                if (leases.remove(vmId, held)) taken.remove(held);
                changes++;
            }
            throw e;
        }
        return new StaticIp(held, gateway.prefixLen(), gateway.address());
    }

    /** The VM's address if it holds one, else null. */
    public synchronized StaticIp leaseOf(String vmId) {
        Integer a = leases.get(vmId);
        return a == null ? null : new StaticIp(a, gateway.prefixLen(), gateway.address());
    }

    /** Frees the VM's address (its removal). */
    public void release(String vmId) throws IOException {
        long change;
        synchronized (this) {
            Integer a = leases.remove(vmId);
            if (a == null) return;
            taken.remove(a);
            change = ++changes;
        }
        persist(change);
    }

    /** Returns once the leases as of change number {@code change} (or later) are on disk. */
    private void persist(long change) throws IOException {
        synchronized (writer) {
            if (saved >= change) return; // a write since covered it
            long upTo;
            byte[] content;
            synchronized (this) {
                upTo = changes;
                content = content();
            }
            AtomicFiles.write(file, content);
            saved = upTo;
        }
    }

    private int free() {
        for (int a = first; a <= last; a++) {
            if (a != gateway.address() && !taken.contains(a)) return a;
        }
        throw new IllegalArgumentException("the bridge's subnet " + subnet() + " has no free address left (" + leases.size()
                + " VMs hold one); remove VMs or pick a larger subnet");
    }

    private void save() throws IOException {
        AtomicFiles.write(file, content());
    }

    /** The file's bytes for the leases now (call holding the lock). */
    private byte[] content() throws IOException {
        Map<String, String> out = new TreeMap<>();
        leases.forEach((id, a) -> out.put(id, StaticIp.text(a)));
        return ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(new Stored(subnet(), out));
    }

    /** The file's content. */
    record Stored(String subnet, Map<String, String> leases) {
        Stored {
            leases = leases == null ? new HashMap<>() : leases;
        }
    }
}
