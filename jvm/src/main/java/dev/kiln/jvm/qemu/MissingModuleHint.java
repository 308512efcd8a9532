package dev.kiln.jvm.qemu;

import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the guest's console line by line and, when the app reports a JDK class it could not find
 * (NoClassDefFoundError, ClassNotFoundException: a module jdeps could not see, such as one loaded
 * by name), names the module to add: the class's package is looked up in the module graph of the
 * JDK Kiln runs on, the one images are linked from. Each module is named once, and only if the
 * image lacks it. Console text is the guest's, untrusted: only a package of a real JDK module
 * ever reaches the hint, and nothing else of the line.
 */
final class MissingModuleHint {
    private static final Pattern MISSING = Pattern.compile(
            "(?:NoClassDefFoundError|ClassNotFoundException)(?::\\s*|\\s+)([A-Za-z_$][A-Za-z0-9_$]*(?:[./][A-Za-z_$][A-Za-z0-9_$]*)+)");
    private static final Map<String, String> PACKAGE_MODULE = packageModules();

    private final Set<String> imageModules;
    private final PrintStream err;
    private final Set<String> named = new HashSet<>();
    private final StringBuilder line = new StringBuilder();

    MissingModuleHint(List<String> imageModules, PrintStream err) {
        this.imageModules = Set.copyOf(imageModules);
        this.err = err;
    }

    /** The module of a JDK class the image lacks, or null (an app class, or a module the image has). */
    String missingModule(String className) {
        String cn = className.replace('/', '.');
        int dot = cn.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String module = PACKAGE_MODULE.get(cn.substring(0, dot));
        return module == null || module.equals("java.base") || imageModules.contains(module) ? null : module;
    }

    /** The hint for one console line, or null. */
    String hintFor(String consoleLine) {
        Matcher m = MISSING.matcher(consoleLine);
        while (m.find()) {
            String cn = m.group(1).replace('/', '.');
            String module = missingModule(cn);
            if (module != null && named.add(module)) {
                return "kiln: the app needs " + cn + ", in the JDK module " + module
                        + ", which this image lacks: build it with --add-modules " + module;
            }
        }
        return null;
    }

    /** Console bytes as they arrive; a hint is printed after the line that calls for it. */
    void accept(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = (char) (b[i] & 0xff);
            if (c == '\n') {
                String hint = hintFor(line.toString());
                line.setLength(0);
                if (hint != null) {
                    err.println(hint);
                    err.flush();
                }
            } else if (line.length() < 4096) { // a stack trace's line is short; a longer one is not one
                line.append(c);
            }
        }
    }

    private static Map<String, String> packageModules() {
        Map<String, String> m = new HashMap<>();
        ModuleFinder.ofSystem().findAll().forEach(r -> r.descriptor().packages()
                .forEach(p -> m.put(p, r.descriptor().name())));
        return Map.copyOf(m);
    }
}
