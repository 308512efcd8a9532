package dev.kiln.rt;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * System.getenv() and System.getenv(name) in native images (TeaVM's return null and lack the map):
 * the image's environment, the manifest's {@code env.KEY=} lines with {@code kiln run --env} over
 * them, which the monitor hands over in the boot info (docs/abi.md, "The boot-info block"): C
 * strings {@code KEY=VALUE} in UTF-8. Where a name appears twice, the first entry counts.
 *
 * <p>{@code getenv(name)} scans the entries and decodes only the value it returns, with
 * {@link #decode} rather than a charset decoder, and builds no map: a program that reads $PORT
 * does not carry a sorted map, the collections' views and the charset machinery in its image
 * (about 20 KB of code and call-site tables). The map of {@code getenv()} is built on its first
 * call, unmodifiable as HotSpot's.
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
                Address entry = entry(i);
                int length = length(entry);
                int eq = indexOfEquals(entry, length);
                if (eq > 0) {
                    map.putIfAbsent(decode(entry, 0, eq), decode(entry, eq + 1, length));
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
        int n = count();
        for (int i = 0; i < n; i++) {
            Address entry = entry(i);
            int length = length(entry);
            int eq = indexOfEquals(entry, length);
            if (eq > 0 && decode(entry, 0, eq).equals(name)) {
                return decode(entry, eq + 1, length);
            }
        }
        return null;
    }

    private static int length(Address at) {
        int len = 0;
        while (at.add(len).getByte() != 0) {
            len++;
        }
        return len;
    }

    private static int indexOfEquals(Address at, int length) {
        for (int i = 0; i < length; i++) {
            if (at.add(i).getByte() == '=') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(Address at, int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = at.add(i).getByte();
        }
        return decode(bytes);
    }

    /**
     * UTF-8 as the JDK's decoder reads it, malformed input replaced: each well-formed sequence is
     * its code point (two chars above U+FFFF); a byte that starts no well-formed sequence, or the
     * longest prefix of one that is cut short, is one U+FFFD (overlong forms and values above
     * U+10FFFF are malformed from their second byte on), and so is a whole encoded surrogate.
     */
    static String decode(byte[] b) {
        char[] out = new char[b.length];
        int n = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                out[n++] = (char) c;
                i++;
                continue;
            }
            int need;
            int cp;
            int min2; // the second byte's range, which rules out overlong forms and values above U+10FFFF
            int max2 = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
                cp = c & 0x1f;
                min2 = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                cp = c & 0x0f;
                min2 = c == 0xe0 ? 0xa0 : 0x80; // a surrogate (ED A0..BF xx) is malformed once complete
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                cp = c & 0x07;
                min2 = c == 0xf0 ? 0x90 : 0x80;
                max2 = c == 0xf4 ? 0x8f : 0xbf;
            } else {
                out[n++] = '\ufffd';
                i++;
                continue;
            }
            int j = i + 1;
            boolean ok = true;
            for (int k = 0; k < need; k++, j++) {
                int lo = k == 0 ? min2 : 0x80;
                int hi = k == 0 ? max2 : 0xbf;
                if (j >= b.length || (b[j] & 0xff) < lo || (b[j] & 0xff) > hi) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (b[j] & 0x3f);
            }
            if (!ok) {
                out[n++] = '\ufffd';
                i = j; // the valid prefix and the lead byte make one replacement
                continue;
            }
            if (cp >= 0xd800 && cp <= 0xdfff) {
                out[n++] = '\ufffd';
            } else if (cp >= 0x10000) {
                out[n++] = (char) (0xd800 + ((cp - 0x10000) >>> 10));
                out[n++] = (char) (0xdc00 + (cp & 0x3ff));
            } else {
                out[n++] = (char) cp;
            }
            i = j;
        }
        return new String(out, 0, n);
    }

    @Import(name = "kiln_env_count")
    private static native int count();

    @Import(name = "kiln_env_entry")
    private static native Address entry(int i);
}
