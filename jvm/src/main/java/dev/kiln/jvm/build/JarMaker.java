package dev.kiln.jvm.build;

import dev.kiln.image.FileTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources (name to text) into an executable jar: used by `kiln bench jvm` and the tests. */
public final class JarMaker {
    private JarMaker() {}

    public static Path make(Path jar, String mainClass, Map<String, String> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("this Java runtime has no compiler (Kiln needs a full JDK 25)");
        }
        Path work = Files.createTempDirectory("kiln-jar-");
        try {
            Path src = Files.createDirectories(work.resolve("src"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-g:none"));
            for (var e : sources.entrySet()) {
                Path f = src.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                args.add(f.toString());
            }
            StringWriter err = new StringWriter();
            int rc = javac.run(null, null, null, args.toArray(new String[0]));
            if (rc != 0) {
                throw new IOException("javac failed for " + sources.keySet() + err);
            }
            java.util.jar.Manifest mf = new java.util.jar.Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (mainClass != null) {
                mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf);
                 Stream<Path> s = Files.walk(classes)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(p));
                    jos.closeEntry();
                }
            }
            return jar;
        } finally {
            FileTrees.delete(work);
        }
    }
}
