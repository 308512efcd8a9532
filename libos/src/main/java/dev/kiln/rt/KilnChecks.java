package dev.kiln.rt;

/**
 * Index checks with HotSpot's messages, run before TeaVM's own (which throw without a message):
 * the builder's IndexMessageRewrite puts them in front of ArrayList's and String's indexed methods.
 */
public final class KilnChecks {
    private KilnChecks() {
    }

    /** Objects.checkIndex's message: ArrayList.get, set, remove(int). */
    public static void index(int index, int length) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(outOfBounds(index, length));
        }
    }

    /** ArrayList.add(int, E) (rangeCheckForAdd). */
    public static void addIndex(int index, int size) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        }
    }

    /** String.charAt, codePointAt. */
    public static void stringIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new StringIndexOutOfBoundsException(outOfBounds(index, length));
        }
    }

    /** String.substring(begin): the range up to the end. */
    public static void stringFrom(int begin, int length) {
        stringRange(begin, length, length);
    }

    /** String.substring(begin, end), subSequence. */
    public static void stringRange(int begin, int end, int length) {
        if (begin < 0 || begin > end || end > length) {
            throw new StringIndexOutOfBoundsException("Range [" + begin + ", " + end + ") out of bounds for length " + length);
        }
    }

    /** Iterator.next() past the end. */
    public static void hasNext(boolean hasNext) {
        if (!hasNext) {
            throw new java.util.NoSuchElementException();
        }
    }

    private static String outOfBounds(int index, int length) {
        return "Index " + index + " out of bounds for length " + length;
    }
}
