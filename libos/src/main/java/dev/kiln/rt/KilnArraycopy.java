package dev.kiln.rt;

import java.lang.reflect.Array;

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
     * The messages are built out of the way, in {@link #failure}: this runs before every copy.
     */
    public static boolean check(Object src, int srcPos, Object dest, int destPos, int length) {
        Class<?> from = src == null ? null : src.getClass().getComponentType();
        Class<?> to = dest == null ? null : dest.getClass().getComponentType();
        if (from == null || to == null || from.isPrimitive() != to.isPrimitive() || from.isPrimitive() && from != to
                || srcPos < 0 || destPos < 0 || length < 0 || (long) srcPos + length > Array.getLength(src)
                || (long) destPos + length > Array.getLength(dest)) {
            throw failure(src, srcPos, dest, destPos, length);
        }
        if (!from.isPrimitive() && !to.isAssignableFrom(from)) {
            copyElements((Object[]) src, srcPos, (Object[]) dest, destPos, length, from, to);
            return true;
        }
        return false;
    }

    /**
     * The first of HotSpot's checks that these arguments fail, as the exception it throws. The
     * messages are joined with String.concat: string concatenation's StringBuilder code, which
     * TeaVM inlines, made this method several KB of every image.
     */
    private static RuntimeException failure(Object src, int srcPos, Object dest, int destPos, int length) {
        if (src == null || dest == null) {
            return new NullPointerException();
        }
        Class<?> from = src.getClass().getComponentType();
        Class<?> to = dest.getClass().getComponentType();
        if (from == null || to == null) {
            String type = (from == null ? src : dest).getClass().getName();
            return new ArrayStoreException("arraycopy: ".concat(from == null ? "source" : "destination")
                    .concat(" type ").concat(type).concat(" is not an array"));
        }
        if (from.isPrimitive() != to.isPrimitive() || from != to && from.isPrimitive()) {
            return new ArrayStoreException("arraycopy: type mismatch: can not copy ".concat(typeName(from))
                    .concat("[] into ").concat(typeName(to)).concat("[]"));
        }
        if (length < 0 && srcPos >= 0 && destPos >= 0) {
            return new ArrayIndexOutOfBoundsException("arraycopy: length ".concat(Integer.toString(length))
                    .concat(" is negative"));
        }
        // HotSpot adds as unsigned ints; both are non-negative by then, so the sum fits a long
        boolean source = srcPos < 0 || destPos >= 0 && (long) srcPos + length > Array.getLength(src);
        boolean last = srcPos >= 0 && destPos >= 0;
        long index = (source ? srcPos : destPos) + (last ? (long) length : 0);
        return new ArrayIndexOutOfBoundsException("arraycopy: ".concat(last ? "last " : "")
                .concat(source ? "source" : "destination").concat(" index ").concat(Long.toString(index))
                .concat(" out of bounds for ").concat(typeName(source ? from : to)).concat("[")
                .concat(Integer.toString(Array.getLength(source ? src : dest))).concat("]"));
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
                        .concat(from.getName()).concat("[] to the type of the destination array, ").concat(to.getName()));
            }
            dest[destPos + i] = e;
        }
    }

    /** HotSpot names a primitive array by its element type and every reference array "object array". */
    private static String typeName(Class<?> component) {
        return component.isPrimitive() ? component.getName() : "object array";
    }
}
