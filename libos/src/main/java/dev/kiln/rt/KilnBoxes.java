package dev.kiln.rt;

/**
 * Long.valueOf with the cache of -128..127 that its Javadoc promises ("will always cache values in
 * the range -128 to 127"), so that {@code Long a = 127L, b = 127L; a == b} holds as on HotSpot:
 * TeaVM 0.16.0's makes a new Long each time (conformance program LangBoxing).
 */
public final class KilnBoxes {
    private static Long[] longs;

    private KilnBoxes() {
    }

    @SuppressWarnings("removal")
    public static Long valueOf(long value) {
        if (value < -128 || value > 127) {
            return new Long(value);
        }
        if (longs == null) {
            Long[] cache = new Long[256];
            for (int i = 0; i < cache.length; i++) {
                cache[i] = new Long(i - 128);
            }
            longs = cache;
        }
        return longs[(int) value + 128];
    }
}
