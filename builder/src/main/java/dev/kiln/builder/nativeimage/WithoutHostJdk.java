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
 * a class is missing, and the build reports it with its call site. Classes still load normally:
 * only resource lookups, which is how TeaVM reads class files, are filtered.
 */
final class WithoutHostJdk extends ClassLoader {
    WithoutHostJdk(ClassLoader parent) {
        super(parent);
    }

    @Override
    public URL getResource(String name) {
        URL url = super.getResource(name);
        if (url == null || !fromHostJdk(url)) {
            return url;
        }
        Enumeration<URL> all = getResources(name);
        return all.hasMoreElements() ? all.nextElement() : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        try {
            List<URL> kept = Collections.list(super.getResources(name)).stream().filter(u -> !fromHostJdk(u)).toList();
            return Collections.enumeration(kept);
        } catch (IOException e) {
            return Collections.emptyEnumeration();
        }
    }

    private static boolean fromHostJdk(URL url) {
        return url.getProtocol().equals("jrt");
    }
}
