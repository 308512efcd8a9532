import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the cli and oci modules (run by Maven with the JDK's source launcher, ASM on the class
 * path): rewrites, in place, the class files of a jar that are older than Java 6 (version 50) as
 * Java 8 ones (version 52), with the stack map frames that version requires, computed by ASM.
 *
 * <p>Why: JDK 25's AOT cache leaves such classes out ("Old class has been linked"), so every
 * `kiln` and `kiln-oci` process loaded and verified picocli's 175 Java 5 classes from its jar: about 80 ms of
 * CPU at each start. The bytecode itself is unchanged; a class already at 50 or later is copied
 * as it is, so running the step twice changes nothing.
 *
 * <p>Usage: java -cp ASM_JARS ModernClassFiles.java JAR...
 */
public final class ModernClassFiles {
    public static void main(String[] args) throws IOException {
        if (args.length == 0) throw new IllegalArgumentException("usage: ModernClassFiles JAR...");
        for (String a : args) rewrite(Path.of(a));
    }

    private static void rewrite(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) throw new IOException("no such jar: " + jar);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int changed = 0;
        // The frames' common super classes are looked up in the jar itself (then the JDK).
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".class") && majorVersion(bytes) < Opcodes.V1_6) {
                    bytes = modern(bytes, classes);
                    changed++;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (changed == 0) {
            Files.delete(tmp);
            return;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("ModernClassFiles: " + jar.getFileName() + ": " + changed + " class files now version 52");
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] modern(byte[] classFile, ClassLoader classes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
