package dev.kiln.rt;

/**
 * The array store check: TeaVM 0.12.3 stores any reference into any object array, where the
 * JVM throws ArrayStoreException when the value is not an instance of the array's component
 * type (an {@code Object[]} variable may hold a {@code String[]}). The builder puts a call to
 * {@link #checkStore} before every reference store into an array that it cannot prove safe.
 */
public final class KilnArrays {
    private KilnArrays() {
    }

    public static void checkStore(Object[] array, Object value) {
        // a null array is left to the store itself, which throws NullPointerException
        if (value == null || array == null) {
            return;
        }
        Class<?> type = array.getClass().getComponentType();
        if (type != Object.class && !type.isInstance(value)) {
            throw new ArrayStoreException(value.getClass().getName());
        }
    }
}
