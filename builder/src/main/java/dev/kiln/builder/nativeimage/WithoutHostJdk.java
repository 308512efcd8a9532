package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader TeaVM reads class files through, with the host JDK's own class files (its
 * modules, jrt: URLs) hidden. TeaVM 0.16.0 takes a class from the class path as it is when its
 * class library has no substitute for it and the raw class file is there: through the builder's
 * class loader that is the running JDK's, so {@code javax.swing.JFrame} or
 * {@code com.sun.net.httpserver.HttpServer} would be compiled from HotSpot's bytecode, natives and
 * all. (0.12.3's ASM could not read JDK 25 class files, which hid them by accident.) Hidden, such
 * a class is missing, and the build reports it with its call site. So is a class of TeaVM's library
 * that Kiln's replaces (see {@link #replacedByKiln}). The exception is the few classes compiled from
 * the JDK's own bytecode ({@link HostJdkClasses}: StrictMath, FdLibm), whose TeaVM substitute is
 * hidden instead. Classes still load normally:
 * only resource lookups, which is how TeaVM reads class files, are filtered.
 */
final class WithoutHostJdk extends ClassLoader {
    /** Every class file handed out, so that one TeaVM cannot read can be named with where it came from. */
    private final Set<URL> classFiles = ConcurrentHashMap.newKeySet();

    WithoutHostJdk(ClassLoader parent) {
        super(parent);
    }

    @Override
    public URL getResource(String name) {
        if (replacedByKiln(name)) {
            return null;
        }
        URL url = super.getResource(name);
        if (url != null && fromHostJdk(url) && !HostJdkClasses.compiledFromHostJdk(name)) {
            Enumeration<URL> all = getResources(name);
            url = all.hasMoreElements() ? all.nextElement() : null;
        }
        if (url != null && name.endsWith(".class")) classFiles.add(url);
        return url;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        if (replacedByKiln(name)) {
            return Collections.emptyEnumeration();
        }
        try {
            List<URL> kept = Collections.list(super.getResources(name)).stream().filter(u -> !fromHostJdk(u) || HostJdkClasses.compiledFromHostJdk(name)).toList();
            if (name.endsWith(".class")) classFiles.addAll(kept);
            return Collections.enumeration(kept);
        } catch (IOException e) {
            return Collections.emptyEnumeration();
        }
    }

    /**
     * The class files handed out that a reader of versions up to {@code maxMajor} cannot read, each as
     * "URL (class file version N, Java M)": what to name when TeaVM fails on "Unsupported class file
     * major version" without saying which file.
     */
    List<String> unreadableClassFiles(int maxMajor) {
        List<String> bad = new ArrayList<>();
        for (URL url : classFiles) {
            try (InputStream in = url.openStream()) {
                byte[] head = in.readNBytes(8);
                int major = head.length < 8 ? -1 : ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                if (head.length < 8 || (head[0] & 0xff) != 0xca || major > maxMajor) {
                    bad.add(url + (major < 0 || (head[0] & 0xff) != 0xca ? " (not a class file)"
                            : " (class file version " + major + ", Java " + (major - 44) + ")"));
                }
            } catch (IOException e) {
                bad.add(url + " (unreadable: " + e.getMessage() + ")");
            }
        }
        Collections.sort(bad);
        return bad;
    }

    /**
     * A class of TeaVM's library that Kiln's (libos, dev.kiln.libos.classlib) replaces as a whole
     * (java.util.UUID, java.security.SecureRandom): hidden, so the substitution policies, which take
     * the first library that has a class of the name and meet TeaVM's and Kiln's in class path
     * order, always find Kiln's. TeaVM's StrictMath is hidden too, for the JDK's ({@link HostJdkClasses}).
     */
    private boolean replacedByKiln(String name) {
        if (HostJdkClasses.replacedInTeaVM(name)) {
            return true;
        }
        return name.startsWith(TEAVM_CLASSLIB) && name.endsWith(".class")
                && getParent().getResource(KILN_CLASSLIB + name.substring(TEAVM_CLASSLIB.length())) != null;
    }

    private static final String TEAVM_CLASSLIB = "org/teavm/classlib/java/";
    private static final String KILN_CLASSLIB = "dev/kiln/libos/classlib/java/";

    private static boolean fromHostJdk(URL url) {
        return url.getProtocol().equals("jrt");
    }
}
