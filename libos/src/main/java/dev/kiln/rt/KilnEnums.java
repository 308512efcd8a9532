package dev.kiln.rt;

/**
 * Enum.compareTo and Enum.valueOf as the JDK specifies them, in place of TeaVM 0.16.0's (whose
 * compareTo answers -1/0/1 instead of the ordinals' difference, whose valueOf has its own message
 * and takes a null name for a missing constant): conformance program LangEnums.
 */
public final class KilnEnums {
    private KilnEnums() {
    }

    /** The difference of the ordinals; constants of two enum types do not compare. */
    public static int compareTo(Enum<?> self, Enum<?> other) {
        if (self.getClass() != other.getClass() && self.getDeclaringClass() != other.getDeclaringClass()) {
            throw new ClassCastException();
        }
        return self.ordinal() - other.ordinal();
    }

    /** The constant of that name, with the JDK's exceptions for a null name and a missing one. */
    public static <T extends Enum<T>> T valueOf(Class<T> type, String name) {
        T[] constants = type.getEnumConstants();
        if (constants == null) {
            throw new IllegalArgumentException(type.getName() + " is not an enum class");
        }
        if (name == null) {
            throw new NullPointerException("Name is null");
        }
        for (T c : constants) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        // TeaVM's getCanonicalName is null; an enum's is its binary name with '.' for '$' (a member class)
        throw new IllegalArgumentException("No enum constant " + type.getName().replace('$', '.') + "." + name);
    }
}
