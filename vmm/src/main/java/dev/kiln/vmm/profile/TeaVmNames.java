package dev.kiln.vmm.profile;

import dev.kiln.image.TeaVmCName;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Java names for the C functions TeaVM generates: {@code meth_<class>_<method>}, where
 * {@code <class>} is the class's {@link TeaVmCName}: the package's initials, an underscore and
 * the simple name ({@code meth_dklt_FiberBlocker_wake} is {@code dev.kiln.libos.teavm.FiberBlocker.wake},
 * {@code _init_} a constructor). Where the class ends and the method begins is read from the
 * image's class symbols ({@code <class>_Cls}); the package is spelled out where a Java class of
 * the profile (from the call-site table) has the same initials and name, else the initials stay.
 */
final class TeaVmNames {
    private static final String METHOD_PREFIX = "meth_";
    private final Set<String> cClasses; // sorted, so that the longest match is found by trying them all
    private final Map<String, String> javaClasses = new HashMap<>(); // C class name -> Java class name

    /**
     * @param cClasses the C names of the image's classes ("dklt_FiberBlocker"), from its {@code _Cls} symbols
     * @param knownJavaClasses Java class names seen in the profile ("dev.kiln.libos.teavm.FiberBlocker")
     */
    TeaVmNames(Collection<String> cClasses, Collection<String> knownJavaClasses) {
        this.cClasses = new TreeSet<>(cClasses);
        for (String java : knownJavaClasses) javaClasses.putIfAbsent(TeaVmCName.of(java), java);
    }

    /** "dev.kiln.libos.teavm.FiberBlocker.wake" for "meth_dklt_FiberBlocker_wake"; empty if it is no TeaVM method. */
    Optional<String> javaMethod(String symbol) {
        if (!symbol.startsWith(METHOD_PREFIX)) return Optional.empty();
        String rest = symbol.substring(METHOD_PREFIX.length());
        String best = null;
        for (String c : cClasses) {
            if (rest.length() > c.length() + 1 && rest.startsWith(c) && rest.charAt(c.length()) == '_'
                    && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        if (best == null) return Optional.empty();
        String method = rest.substring(best.length() + 1);
        if (method.equals("_init_")) method = "<init>";
        else if (method.equals("_clinit_")) method = "<clinit>";
        return Optional.of(javaClass(best) + "." + method);
    }

    private String javaClass(String cClass) {
        String known = javaClasses.get(cClass);
        if (known != null) return known;
        // A nested class of a known one: "s_Spinner_HotLoop" is spin.Spinner$HotLoop if spin.Spinner is known.
        for (int cut = cClass.lastIndexOf('_'); cut > 0; cut = cClass.lastIndexOf('_', cut - 1)) {
            String outer = javaClasses.get(cClass.substring(0, cut));
            if (outer != null) return outer + "$" + cClass.substring(cut + 1).replace('_', '$');
        }
        int u = cClass.indexOf('_');
        return u <= 0 ? cClass.substring(u + 1) : cClass.substring(0, u) + "." + cClass.substring(u + 1);
    }
}
