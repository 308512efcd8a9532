package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader TeaVM reads class files through, with the host JDK's own class files (its
 * modules, jrt: URLs) hidden. TeaVM 0.16.0 takes a class from the class path as it is when its
 * class library has no substitute for it and the raw class file is there: through the builder's
 * class loader that is the running JDK's, so {@code javax.swing.JFrame} or
 * {@code com.sun.net.httpserver.HttpServer} would be compiled from HotSpot's bytecode, natives and
 * all. (0.12.3's ASM could not read JDK 25 class files, which hid them by accident.) Hidden, such
 * a class is missing, and the build reports it with its call site. So is a class of TeaVM's library
 * that Kiln's replaces (see {@link #replacedByKiln}). Classes still load normally:
 * only resource lookups, which is how TeaVM reads class files, are filtered.
 */
final class WithoutHostJdk extends ClassLoader {
    WithoutHostJdk(ClassLoader parent) {
        super(parent);
    }

    @Override
    public URL getResource(String name) {
        if (replacedByKiln(name)) {
            return null;
        }
        URL url = super.getResource(name);
        if (url == null || !fromHostJdk(url)) {
            return url;
        }
        Enumeration<URL> all = getResources(name);
        return all.hasMoreElements() ? all.nextElement() : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        if (replacedByKiln(name)) {
            return Collections.emptyEnumeration();
        }
        try {
            List<URL> kept = Collections.list(super.getResources(name)).stream().filter(u -> !fromHostJdk(u)).toList();
            return Collections.enumeration(kept);
        } catch (IOException e) {
            return Collections.emptyEnumeration();
        }
    }

    /**
     * A class of TeaVM's library that Kiln's (libos, dev.kiln.libos.classlib) replaces as a whole
     * (java.util.UUID, java.security.SecureRandom): hidden, so the substitution policies, which take
     * the first library that has a class of the name and meet TeaVM's and Kiln's in class path
     * order, always find Kiln's.
     */
    private boolean replacedByKiln(String name) {
        return name.startsWith(TEAVM_CLASSLIB) && name.endsWith(".class")
                && getParent().getResource(KILN_CLASSLIB + name.substring(TEAVM_CLASSLIB.length())) != null;
    }

    private static final String TEAVM_CLASSLIB = "org/teavm/classlib/java/";
    private static final String KILN_CLASSLIB = "dev/kiln/libos/classlib/java/";

    private static boolean fromHostJdk(URL url) {
        return url.getProtocol().equals("jrt");
    }
}
