package dev.kiln.engine.api;

import java.util.regex.Pattern;

/** Docker's rule for names, so a name that works there works here: 2 to 128 of [a-zA-Z0-9_.-], a letter or digit first. */
public final class VmNames {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{1,127}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private VmNames() {}

    public static void check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid VM name '" + name + "': 2 to 128 of a-z A-Z 0-9 _ . -, a letter or digit first");
        }
        if (ID.matcher(name).matches()) throw new IllegalArgumentException("a VM name cannot look like a VM id: '" + name + "'");
    }

    public static boolean isId(String s) {
        return ID.matcher(s).matches();
    }

    /** The 12-character form of an id that ps shows, as Docker does. */
    public static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
