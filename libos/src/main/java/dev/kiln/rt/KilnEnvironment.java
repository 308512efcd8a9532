package dev.kiln.rt;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * System.getenv() and System.getenv(name) in native images (TeaVM's return null and lack the map):
 * the image's environment, the manifest's {@code env.KEY=} lines with {@code kiln run --env} over
 * them, which the monitor hands over in the boot info (docs/abi.md, "The boot-info block"). Read
 * once; the map is unmodifiable, as HotSpot's.
 */
public final class KilnEnvironment {
    private static Map<String, String> environment;

    private KilnEnvironment() {
    }

    public static Map<String, String> getenv() {
        if (environment == null) {
            Map<String, String> map = new TreeMap<>();
            int n = count();
            for (int i = 0; i < n; i++) {
                String entry = cString(entry(i));
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    map.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            environment = Collections.unmodifiableMap(map);
        }
        return environment;
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        return getenv().get(name);
    }

    private static String cString(Address at) {
        int len = 0;
        while (at.add(len).getByte() != 0) {
            len++;
        }
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            bytes[i] = at.add(i).getByte();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Import(name = "kiln_env_count")
    private static native int count();

    @Import(name = "kiln_env_entry")
    private static native Address entry(int i);
}
