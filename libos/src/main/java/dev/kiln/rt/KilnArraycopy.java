package dev.kiln.rt;

/**
 * System.arraycopy's failures with HotSpot's exceptions and messages, checked in HotSpot's order
 * (JVM_ArrayCopy, then TypeArrayKlass/ObjArrayKlass::copy_array) before TeaVM's copy runs: the
 * builder's CheckMessageRewrite puts {@link #check} in front of TeaVM's System.arraycopy, which threw
 * IndexOutOfBoundsException and ArrayStoreException without messages.
 */
public final class KilnArraycopy {
    private KilnArraycopy() {
    }

    /**
     * Throws what HotSpot throws for these arguments; true when it copied the elements itself (a
     * reference array into one of a narrower element type: TeaVM's copy refused null elements).
     */
    public static boolean check(Object src, int srcPos, Object dest, int destPos, int length) {
        if (src == null || dest == null) {
            throw new NullPointerException();
        }
        Class<?> from = src.getClass().getComponentType();
        if (from == null) {
            throw new ArrayStoreException("arraycopy: source type " + src.getClass().getName() + " is not an array");
        }
        Class<?> to = dest.getClass().getComponentType();
        if (to == null) {
            throw new ArrayStoreException("arraycopy: destination type " + dest.getClass().getName() + " is not an array");
        }
        if (from.isPrimitive() != to.isPrimitive() || from.isPrimitive() && from != to) {
            throw new ArrayStoreException("arraycopy: type mismatch: can not copy " + typeName(from) + "[] into "
                    + typeName(to) + "[]");
        }
        int srcLength = java.lang.reflect.Array.getLength(src);
        int destLength = java.lang.reflect.Array.getLength(dest);
        if (srcPos < 0) {
            throw outOfBounds("source index " + srcPos, from, srcLength);
        }
        if (destPos < 0) {
            throw outOfBounds("destination index " + destPos, to, destLength);
        }
        if (length < 0) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: length " + length + " is negative");
        }
        // HotSpot adds as unsigned ints: both are non-negative here, so the sum fits a long
        if ((long) srcPos + length > srcLength) {
            throw outOfBounds("last source index " + ((long) srcPos + length), from, srcLength);
        }
        if ((long) destPos + length > destLength) {
            throw outOfBounds("last destination index " + ((long) destPos + length), to, destLength);
        }
        if (!from.isPrimitive() && !to.isAssignableFrom(from)) {
            copyElements((Object[]) src, srcPos, (Object[]) dest, destPos, length, from, to);
            return true;
        }
        return false;
    }

    /**
     * Into an array whose element type may not admit every element: HotSpot copies up to the first
     * element it does not admit, then throws. The arrays differ (their element types do), so the
     * copy cannot overlap.
     */
    private static void copyElements(Object[] src, int srcPos, Object[] dest, int destPos, int length, Class<?> from,
            Class<?> to) {
        for (int i = 0; i < length; i++) {
            Object e = src[srcPos + i];
            if (e != null && !to.isInstance(e)) {
                throw new ArrayStoreException("arraycopy: element type mismatch: can not cast one of the elements of "
                        + from.getName() + "[] to the type of the destination array, " + to.getName());
            }
            dest[destPos + i] = e;
        }
    }

    private static ArrayIndexOutOfBoundsException outOfBounds(String what, Class<?> component, int length) {
        return new ArrayIndexOutOfBoundsException("arraycopy: " + what + " out of bounds for " + typeName(component)
                + "[" + length + "]");
    }

    /** HotSpot names a primitive array by its element type and every reference array "object array". */
    private static String typeName(Class<?> component) {
        return component.isPrimitive() ? component.getName() : "object array";
    }
}
