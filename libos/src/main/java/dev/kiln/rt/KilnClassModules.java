package dev.kiln.rt;

/**
 * Which module and class loader a class of the image belongs to, as HotSpot names them in a
 * ClassCastException: "unnamed module of loader 'app'" for the application's classes, "module
 * java.logging of loader 'bootstrap'" or "module java.sql of loader 'platform'" for the JDK's.
 * The builder decides at build time (ClassModuleTable: the app's packages, and the JDK packages
 * outside java.base the app names, asked of the building JDK's modules) and puts the answer in
 * {@link #table()}; every other class, Kiln's and TeaVM's class library, is java.base's.
 */
public final class KilnClassModules {
    private static final String JAVA_BASE = "module java.base of loader 'bootstrap'";

    private KilnClassModules() {
    }

    /** HotSpot's ClassCastException message (SharedRuntime::generate_class_cast_message). */
    public static String castMessage(Class<?> from, Class<?> to) {
        String f = from.getName();
        String t = to.getName();
        String fm = moduleOf(from);
        String tm = moduleOf(to);
        // String.concat, not +: TeaVM inlines string concatenation's StringBuilder code
        String where = fm.equals(tm) ? f.concat(" and ").concat(t).concat(" are in ").concat(fm)
                : f.concat(" is in ").concat(fm).concat("; ").concat(t).concat(" is in ").concat(tm);
        return "class ".concat(f).concat(" cannot be cast to class ").concat(t).concat(" (").concat(where).concat(")");
    }

    /** An array is in its element type's module; primitive types and their arrays are java.base's. */
    static String moduleOf(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return JAVA_BASE;
        }
        String name = c.getName();
        int dot = name.lastIndexOf('.');
        // a linear search of a table of a few lines: a HashMap would bring its code into every image
        String table = "\n".concat(table());
        String key = "\n".concat(dot < 0 ? "" : name.substring(0, dot)).concat("\t");
        int at = table.indexOf(key);
        return at < 0 ? JAVA_BASE : table.substring(at + key.length(), table.indexOf('\n', at + key.length()));
    }

    /**
     * Lines "package TAB module-and-loader"; the builder's CheckMessageRewrite replaces this body
     * with the image's table (on HotSpot, where nothing replaces it, every class is java.base's).
     */
    static String table() {
        return "";
    }
}
