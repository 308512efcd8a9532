package dev.kiln.image;

/**
 * The C name TeaVM's C target gives a Java class in a native image: the package's initials, an
 * underscore and the simple name, a nested class's '$' written as '_'
 * ({@code dev.kiln.libos.teavm.FiberBlocker} is {@code dklt_FiberBlocker}). Its functions, class
 * structures and static fields are named from it ({@code meth_dklt_FiberBlocker_wake},
 * {@code dklt_FiberBlocker_Cls}): the size breakdown of `kiln build` and the profiler's Java
 * names both read symbols by it, so it is written once, here.
 */
public final class TeaVmCName {
    private TeaVmCName() {
    }

    /**
     * "dklt_FiberBlocker" for "dev.kiln.libos.teavm.FiberBlocker", "s_Spinner_HotLoop" for
     * "spin.Spinner$HotLoop", "Main" for "Main" (a class of the unnamed package has neither
     * initials nor their underscore).
     */
    public static String of(String javaClass) {
        int dot = javaClass.lastIndexOf('.');
        String simple = javaClass.substring(dot + 1).replace('$', '_');
        if (dot <= 0) return simple;
        StringBuilder b = new StringBuilder();
        for (String part : javaClass.substring(0, dot).split("\\.")) {
            if (!part.isEmpty()) b.append(part.charAt(0));
        }
        return b.append('_').append(simple).toString();
    }
}
