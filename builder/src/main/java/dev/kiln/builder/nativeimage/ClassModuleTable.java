package dev.kiln.builder.nativeimage;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;

/**
 * The module and loader HotSpot would name for the image's classes in a ClassCastException,
 * decided at build time for dev.kiln.rt.KilnClassModules: the app's packages are "unnamed module
 * of loader 'app'" (an app runs from the class path), and the JDK packages outside java.base that
 * the app's class files name (their CONSTANT_Class entries: every cast's target is one) are in
 * their module of the building JDK, of loader 'bootstrap' or 'platform' as that JDK loads it
 * (java.logging and java.sql differ). Everything else is java.base's, the runtime's default:
 * what a JDK class outside java.base that the app never names is told is java.base (a known
 * difference, docs/native-images.md).
 */
final class ClassModuleTable {
    private static final int CONSTANT_CLASS = 7;
    private static final String APP = "unnamed module of loader 'app'";

    private ClassModuleTable() {
    }

    /** Lines "package TAB module-and-loader", sorted, for the app's class files (entry name to bytes). */
    static String text(Map<String, byte[]> classes) {
        Map<String, String> jdkPackages = jdkPackagesOutsideBase();
        Map<String, String> table = new TreeMap<>();
        for (byte[] bytes : classes.values()) {
            ClassReader reader = new ClassReader(bytes);
            table.put(packageOf(reader.getClassName()), APP);
            char[] buf = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i);
                if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                    String pkg = packageOf(elementOf(reader.readUTF8(offset, buf)));
                    String module = jdkPackages.get(pkg);
                    if (module != null) {
                        table.putIfAbsent(pkg, module);
                    }
                }
            }
        }
        StringBuilder s = new StringBuilder();
        table.forEach((pkg, module) -> s.append(pkg).append('\t').append(module).append('\n'));
        return s.toString();
    }

    /** The building JDK's packages outside java.base, each with HotSpot's "module M of loader 'L'". */
    private static Map<String, String> jdkPackagesOutsideBase() {
        Map<String, String> result = new HashMap<>();
        for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor d = ref.descriptor();
            if (d.name().equals("java.base")) {
                continue;
            }
            String loader = ModuleLayer.boot().findModule(d.name())
                    .map(m -> loaderName(m.getClassLoader())).orElse(null);
            if (loader == null) {
                continue; // not resolved in the boot layer: no class-path app reaches it either
            }
            for (String p : d.packages()) {
                result.put(p, "module " + d.name() + " of loader '" + loader + "'");
            }
        }
        return result;
    }

    /** HotSpot's name of a JDK module's loader (the JDK's tools modules are the app loader's). */
    private static String loaderName(ClassLoader loader) {
        if (loader == null) {
            return "bootstrap";
        }
        return loader == ClassLoader.getPlatformClassLoader() ? "platform" : "app";
    }

    /** "[[Ljava/util/logging/Level;" is in Level's module. */
    private static String elementOf(String internalName) {
        String n = internalName;
        while (n.startsWith("[")) {
            n = n.substring(1);
        }
        return n.startsWith("L") && n.endsWith(";") ? n.substring(1, n.length() - 1) : n;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }
}
