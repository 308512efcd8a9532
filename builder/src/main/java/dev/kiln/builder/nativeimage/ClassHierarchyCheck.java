package dev.kiln.builder.nativeimage;

import dev.kiln.image.UntrustedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.teavm.model.ReferenceCache;
import org.teavm.parsing.ClasspathClassHolderSource;
import org.teavm.parsing.ClasspathResourceProvider;

/**
 * Every input class's superclass and interfaces must exist, in the input or in what TeaVM sees
 * behind it (its class library and Kiln's library OS), and the input's hierarchy must have no
 * cycle, before TeaVM runs. TeaVM does not report a missing supertype: it emits C that includes
 * the supertype's header, and gcc fails on a file that does not exist (the build fuzz found a
 * class whose superclass a mutated constant-pool index had made {@code java/\uFDEEg/Object}).
 */
final class ClassHierarchyCheck {
    private final Map<String, byte[]> classes;
    private final ClasspathClassHolderSource library;
    private final Map<String, Boolean> inLibrary = new HashMap<>();

    private ClassHierarchyCheck(Map<String, byte[]> classes, ClasspathClassHolderSource library) {
        this.classes = classes;
        this.library = library;
    }

    /**
     * TeaVM's own lookup, so a check sees exactly what TeaVM will: its classlib's renamed JDK classes
     * (java.lang.Object is TObject) and the substitution policies (libos's KilnSubstitutionPolicy maps
     * java.X.Y to its dev.kiln.libos.classlib classes), with the host JDK's class files hidden, as TeaVM
     * sees them (WithoutHostJdk).
     *
     * @param loader the class loader TeaVM compiles against, behind the input's classes
     */
    static ClasspathClassHolderSource libraryView(ClassLoader loader) {
        ClassLoader teavmView = new WithoutHostJdk(loader);
        return new ClasspathClassHolderSource(new ClasspathResourceProvider(teavmView), new ReferenceCache(), teavmView);
    }

    /**
     * Fails on a cycle; returns the supertypes that are neither in the input nor in the library, as
     * uses of a missing class (the build reports them with everything else the input lacks).
     *
     * @param classes the input: entry name ("a/b/C.class") to class file, each already read by {@link ClassFileCheck}
     * @param library {@link #libraryView}
     */
    static List<UnsupportedUse> check(Map<String, byte[]> classes, ClasspathClassHolderSource library)
            throws NativeBuildException {
        return new ClassHierarchyCheck(classes, library).run();
    }

    private List<UnsupportedUse> run() throws NativeBuildException {
        List<UnsupportedUse> missing = new ArrayList<>();
        Map<String, List<String>> supertypes = new HashMap<>();
        for (var e : classes.entrySet()) {
            if (!e.getKey().endsWith(".class") || e.getKey().endsWith("module-info.class")) continue;
            ClassReader reader = new ClassReader(e.getValue());
            List<String> supers = new ArrayList<>();
            if (reader.getSuperName() != null) supers.add(reader.getSuperName());
            supers.addAll(List.of(reader.getInterfaces()));
            for (String s : supers) {
                if (!exists(s)) {
                    missing.add(new UnsupportedUse(s.replace('/', '.'), null, UnsupportedUse.Reason.MISSING_CLASS,
                            new UnsupportedUse.CallSite(reader.getClassName().replace('/', '.'), null,
                                    sourceFile(reader), -1)));
                }
            }
            supertypes.put(reader.getClassName(), supers);
        }
        for (String name : supertypes.keySet()) {
            String cycle = cycleFrom(name, supertypes, new ArrayList<>(), new HashSet<>());
            if (cycle != null) {
                throw new NativeBuildException("class " + UntrustedText.quote(name) + " is its own supertype ("
                        + cycle + ")");
            }
        }
        return missing;
    }

    private static String sourceFile(ClassReader reader) {
        String[] file = {null};
        reader.accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public void visitSource(String source, String debug) {
                file[0] = source;
            }
        }, ClassReader.SKIP_CODE);
        return file[0];
    }

    private boolean exists(String internalName) {
        if (classes.containsKey(internalName + ".class")) return true;
        return inLibrary.computeIfAbsent(internalName, n -> {
            try {
                return library.get(n.replace('/', '.')) != null;
            } catch (RuntimeException e) { // a name TeaVM's parser cannot even look up does not exist for it
                return false;
            }
        });
    }

    /** The path back to a class already on {@code path}, shown as "A -> B -> A", or null. */
    private static String cycleFrom(String name, Map<String, List<String>> supertypes, List<String> path,
            Set<String> done) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> loop = new ArrayList<>(path.subList(seen, path.size()));
            loop.add(name);
            if (loop.size() > 4) loop = List.of(loop.get(0), loop.get(1), "...", loop.getLast());
            return String.join(" -> ", loop.stream().map(n -> n.equals("...") ? n : UntrustedText.quote(n)).toList());
        }
        if (done.contains(name) || !supertypes.containsKey(name)) return null; // library classes have no cycle
        path.add(name);
        for (String s : supertypes.get(name)) {
            String cycle = cycleFrom(s, supertypes, path, done);
            if (cycle != null) return cycle;
        }
        path.removeLast();
        done.add(name);
        return null;
    }
}
