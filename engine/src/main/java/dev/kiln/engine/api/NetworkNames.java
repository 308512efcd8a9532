package dev.kiln.engine.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for project network names and a VM's aliases in them (which the daemon's resolver
 * answers): an alias is a DNS host name (labels of letters, digits and '-', not starting or
 * ending with '-', 63 characters each, 253 in all), compared without regard to case.
 */
public final class NetworkNames {
    public static final int MAX_ALIASES = 32;
    private static final Pattern NETWORK = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");

    private NetworkNames() {}

    public static void checkNetwork(String network) {
        if (!NETWORK.matcher(network).matches()) {
            throw new IllegalArgumentException("network name '" + network + "' is not 1 to 64 of a-z A-Z 0-9 _ . -, a letter or digit first");
        }
    }

    public static void checkAlias(String alias) {
        if (alias == null || alias.isEmpty() || alias.length() > 253) throw new IllegalArgumentException("alias '" + alias + "' is not a host name");
        for (String label : alias.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) throw new IllegalArgumentException("alias '" + alias + "' is not a host name"
                    + " (labels of letters, digits and '-')");
        }
    }

    /** The form names are compared in: lower case, without a trailing dot. */
    public static String key(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return n.toLowerCase(Locale.ROOT);
    }
}
