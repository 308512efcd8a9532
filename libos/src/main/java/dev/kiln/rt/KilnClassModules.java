package dev.kiln.rt;

import java.util.HashMap;
import java.util.Map;

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
    private static Map<String, String> byPackage;

    private KilnClassModules() {
    }

    /** HotSpot's ClassCastException message (SharedRuntime::generate_class_cast_message). */
    public static String castMessage(Class<?> from, Class<?> to) {
        String f = from.getName();
        String t = to.getName();
        String fm = moduleOf(from);
        String tm = moduleOf(to);
        String where = fm.equals(tm) ? f + " and " + t + " are in " + fm : f + " is in " + fm + "; " + t + " is in " + tm;
        return "class " + f + " cannot be cast to class " + t + " (" + where + ")";
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
        String module = packages().get(dot < 0 ? "" : name.substring(0, dot));
        return module != null ? module : JAVA_BASE;
    }

    private static Map<String, String> packages() {
        if (byPackage == null) {
            Map<String, String> map = new HashMap<>();
            String text = table();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                int tab = text.indexOf('\t', start);
                map.put(text.substring(start, tab), text.substring(tab + 1, end));
                start = end + 1;
            }
            byPackage = map;
        }
        return byPackage;
    }

    /**
     * Lines "package TAB module-and-loader"; the builder's CheckMessageRewrite replaces this body
     * with the image's table (on HotSpot, where nothing replaces it, every class is java.base's).
     */
    static String table() {
        return "";
    }
}
