package dev.kiln.rt;

/**
 * Class methods of JDK 16+ that TeaVM 0.16.0's Class lacks, from what its Class does keep
 * (conformance program LangRecords).
 */
public final class KilnClasses {
    private KilnClasses() {
    }

    /**
     * A record class: a direct subclass of java.lang.Record (javac lets no other class extend it, so
     * the JDK's further checks of the Record attribute and the final modifier agree).
     */
    public static boolean isRecord(Class<?> type) {
        return type.getSuperclass() == Record.class;
    }
}
