package dev.kiln.vmm;

import dev.kiln.image.Manifest;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestMemory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot-info block at {@link GuestLayout#BOOT_INFO}: struct kiln_boot_info, then the argv
 * and envp pointer arrays (each NULL-terminated, beyond what the ABI promises), then the
 * NUL-terminated strings. The guest sees these pages read-only.
 */
final class BootInfo {
    private final byte[][] argv, envp;
    final long size;

    BootInfo(String name, Manifest manifest, VmConfig config) {
        List<String> args = new ArrayList<>();
        args.add(name);
        args.addAll(manifest.args());
        args.addAll(config.args());
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : manifest.env()) put(env, e);
        for (String e : config.env()) put(env, e);
        argv = encode(args);
        envp = encode(env.values());
        long s = Abi.BOOT_INFO_SIZE + 8L * (argv.length + 1) + 8L * (envp.length + 1);
        for (byte[] b : argv) s += b.length + 1;
        for (byte[] b : envp) s += b.length + 1;
        if (s > GuestLayout.BOOT_INFO_MAX) {
            throw new VmmException("arguments and environment take " + s + " bytes; the limit is "
                    + GuestLayout.BOOT_INFO_MAX);
        }
        size = s;
    }

    private static void put(Map<String, String> env, String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) throw new VmmException("environment entry \"" + entry + "\" is not KEY=VALUE");
        env.put(entry.substring(0, eq), entry);
    }

    private static byte[][] encode(Iterable<String> strings) {
        List<byte[]> out = new ArrayList<>();
        for (String s : strings) {
            if (s.indexOf('\0') >= 0) throw new VmmException("argument or environment entry contains a NUL");
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toArray(new byte[0][]);
    }

    /** Writes everything except the clock fields, which {@link #writeClock} fills in last. */
    void write(GuestMemory.BootWriter mem, GuestLayout layout, long tscKhz, NetConfig net) {
        long base = GuestLayout.BOOT_INFO;
        mem.putInt(base + Abi.BOOT_INFO_MAGIC, Abi.BOOT_MAGIC);
        mem.putInt(base + Abi.BOOT_INFO_ABI_VERSION, Abi.ABI_VERSION);
        mem.putLong(base + Abi.BOOT_INFO_MEM_SIZE, layout.memSize);
        mem.putLong(base + Abi.BOOT_INFO_HEAP_START, layout.heapStart);
        mem.putLong(base + Abi.BOOT_INFO_HEAP_END, layout.heapEnd);
        mem.putLong(base + Abi.BOOT_INFO_STACK_TOP, layout.stackTop);
        mem.putLong(base + Abi.BOOT_INFO_TSC_KHZ, tscKhz);
        long argvAt = base + Abi.BOOT_INFO_SIZE;
        long envpAt = argvAt + 8L * (argv.length + 1);
        long strings = envpAt + 8L * (envp.length + 1);
        mem.putLong(base + Abi.BOOT_INFO_ARGC, argv.length);
        mem.putLong(base + Abi.BOOT_INFO_ARGV, argvAt);
        mem.putLong(base + Abi.BOOT_INFO_ENVC, envp.length);
        mem.putLong(base + Abi.BOOT_INFO_ENVP, envpAt);
        if (net != null) {
            mem.putLong(base + Abi.BOOT_INFO_NET_BASE, layout.netBase);
            mem.putLong(base + Abi.BOOT_INFO_NET_MAC, net.mac());
            mem.putInt(base + Abi.BOOT_INFO_NET_MTU, net.mtu());
            mem.putInt(base + Abi.BOOT_INFO_NET_IPV4, net.ipv4());
            mem.putInt(base + Abi.BOOT_INFO_NET_PREFIX_LEN, net.prefixLen());
            mem.putInt(base + Abi.BOOT_INFO_NET_GATEWAY, net.gateway());
        }
        strings = writeStrings(mem, argv, argvAt, strings);
        writeStrings(mem, envp, envpAt, strings);
    }

    private static long writeStrings(GuestMemory.BootWriter mem, byte[][] strings, long table, long at) {
        for (int i = 0; i < strings.length; i++) {
            mem.putLong(table + 8L * i, at);
            mem.putBytes(at, strings[i]);
            at += strings[i].length + 1; // memory is zeroed: the NUL is already there
        }
        return at;
    }

    static void writeClock(GuestMemory.BootWriter mem, long wallclockNs, long bootTsc) {
        mem.putLong(GuestLayout.BOOT_INFO + Abi.BOOT_INFO_WALLCLOCK_NS, wallclockNs);
        mem.putLong(GuestLayout.BOOT_INFO + Abi.BOOT_INFO_BOOT_TSC, bootTsc);
    }
}
