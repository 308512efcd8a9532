package dev.kiln.rt;

import java.util.Iterator;

/**
 * The body of Iterator.remove's default method (JDK 8), which TeaVM 0.16.0 declares abstract: an
 * application's iterator without remove had no method to call and the image crashed on a null
 * function pointer (conformance program LangIterators).
 */
public final class KilnIterators {
    private KilnIterators() {
    }

    public static void remove(Iterator<?> iterator) {
        throw new UnsupportedOperationException("remove");
    }
}
