package dev.kiln.libos.classlib.java.util.logging;

import java.io.Serializable;

/** java.util.logging.Level in native images (with parse, equals and the JDK's values). */
public class TLevel implements Serializable {
    private static final long serialVersionUID = -8176160795706313070L;
    public static final TLevel OFF = new TLevel("OFF", Integer.MAX_VALUE);
    public static final TLevel SEVERE = new TLevel("SEVERE", 1000);
    public static final TLevel WARNING = new TLevel("WARNING", 900);
    public static final TLevel INFO = new TLevel("INFO", 800);
    public static final TLevel CONFIG = new TLevel("CONFIG", 700);
    public static final TLevel FINE = new TLevel("FINE", 500);
    public static final TLevel FINER = new TLevel("FINER", 400);
    public static final TLevel FINEST = new TLevel("FINEST", 300);
    public static final TLevel ALL = new TLevel("ALL", Integer.MIN_VALUE);
    private static final TLevel[] KNOWN = {OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST, ALL};

    private final String name;
    private final int value;

    protected TLevel(String name, int value) {
        this(name, value, null);
    }

    protected TLevel(String name, int value, String resourceBundleName) {
        if (name == null) {
            throw new NullPointerException();
        }
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getLocalizedName() {
        return name;
    }

    public String getResourceBundleName() {
        return null;
    }

    public final int intValue() {
        return value;
    }

    @Override
    public final String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TLevel l && l.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    public static synchronized TLevel parse(String name) {
        name.length(); // a null name: NullPointerException, as in the JDK
        for (TLevel l : KNOWN) {
            if (l.name.equals(name)) {
                return l;
            }
        }
        try {
            int v = Integer.parseInt(name);
            for (TLevel l : KNOWN) {
                if (l.value == v) {
                    return l;
                }
            }
            return new TLevel(name, v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad level \"" + name + "\"");
        }
    }
}
