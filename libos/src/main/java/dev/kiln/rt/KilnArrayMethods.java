package dev.kiln.rt;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * java.util.Arrays methods that TeaVM 0.16.0's class library lacks (JDK 8's parallelSort and
 * parallelPrefix, JDK 9's lexicographic compare), added to Arrays by the builder's ApiAdditions.
 * An image has one vCPU, so the parallel ones do their work sequentially: parallelSort sorts as sort
 * does (stable for objects, as the JDK's is), parallelPrefix accumulates from left to right.
 * compare follows the Javadoc: a null array is less than any other, then the first mismatching
 * element decides, then the length.
 */
public final class KilnArrayMethods {
    private KilnArrayMethods() {
    }

    public static void parallelSort(int[] a) {
        Arrays.sort(a);
    }

    public static void parallelSort(long[] a) {
        Arrays.sort(a);
    }

    public static void parallelSort(double[] a) {
        Arrays.sort(a);
    }

    public static void parallelSort(Object[] a) {
        Arrays.sort(a);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void parallelSort(Object[] a, Comparator c) {
        Arrays.sort(a, c);
    }

    public static void parallelPrefix(int[] a, IntBinaryOperator op) {
        for (int i = 1; i < a.length; i++) {
            a[i] = op.applyAsInt(a[i - 1], a[i]);
        }
    }

    public static void parallelPrefix(long[] a, LongBinaryOperator op) {
        for (int i = 1; i < a.length; i++) {
            a[i] = op.applyAsLong(a[i - 1], a[i]);
        }
    }

    public static void parallelPrefix(double[] a, DoubleBinaryOperator op) {
        for (int i = 1; i < a.length; i++) {
            a[i] = op.applyAsDouble(a[i - 1], a[i]);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void parallelPrefix(Object[] a, BinaryOperator op) {
        for (int i = 1; i < a.length; i++) {
            a[i] = op.apply(a[i - 1], a[i]);
        }
    }

    /** -1, 1 or 0 for the null cases, else 2 to go on comparing. */
    private static int nulls(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        return b == null ? 1 : 2;
    }

    public static int compare(int[] a, int[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compare(long[] a, long[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compare(byte[] a, byte[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Byte.compare(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compare(short[] a, short[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Short.compare(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compare(char[] a, char[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Character.compare(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compare(boolean[] a, boolean[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Boolean.compare(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compare(double[] a, double[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return a.length - b.length;
    }

    /** Null elements are less than non-null ones (the Javadoc's order for Comparable arrays). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Comparable[] a, Comparable[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            Comparable x = a[i];
            Comparable y = b[i];
            if (x != y) {
                if (x == null || y == null) {
                    return x == null ? -1 : 1;
                }
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
        }
        return a.length - b.length;
    }

    public static int compareUnsigned(byte[] a, byte[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Byte.compareUnsigned(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compareUnsigned(int[] a, int[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compareUnsigned(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }

    public static int compareUnsigned(long[] a, long[] b) {
        int n = nulls(a, b);
        if (n != 2) {
            return n;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Long.compareUnsigned(a[i], b[i]);
            }
        }
        return a.length - b.length;
    }
}
