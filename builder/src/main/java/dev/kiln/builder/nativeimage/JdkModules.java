package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JDK module of a class, asked of the JDK that runs the build (its system modules, the jrt:
 * image), so a class that Kiln's class library lacks is reported as "java.sql.Connection (module
 * java.sql)", and a class that no JDK module has either is told apart (a jar missing from the
 * input). Nothing is loaded or initialised: module descriptors and the image's file list only.
 */
final class JdkModules {
    private final Map<String, ModuleReference> byPackage = new HashMap<>();

    JdkModules() {
        for (ModuleReference m : ModuleFinder.ofSystem().findAll()) {
            for (String p : m.descriptor().packages()) byPackage.put(p, m);
        }
    }

    /** The module whose package holds {@code className} (binary name) and which has its class file, else null. */
    String moduleOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) return null;
        ModuleReference m = byPackage.get(className.substring(0, dot));
        if (m == null) return null;
        try (ModuleReader reader = m.open()) {
            Optional<?> file = reader.find(className.replace('.', '/') + ".class");
            return file.isPresent() ? m.descriptor().name() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module that owns {@code className}'s package (whether or not it has that class), else null. */
    String moduleOfPackage(String className) {
        int dot = className.lastIndexOf('.');
        ModuleReference m = dot < 0 ? null : byPackage.get(className.substring(0, dot));
        return m == null ? null : m.descriptor().name();
    }
}
