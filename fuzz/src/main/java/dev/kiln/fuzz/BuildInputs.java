package dev.kiln.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Broken inputs for `kiln build`, made in a scratch directory: jars that are not jars, truncated
 * or with a bad CRC, a zip bomb of an entry, a directory named like a class, class files with a
 * broken constant pool, truncated or bit-flipped, a class file version from a JDK Kiln does not
 * know (26), a Main-Class that does not exist or has no main, an entry whose name climbs out of
 * the jar's tree, project files with bad values. Each is refused by a correct builder; the
 * fuzzer checks how.
 */
public final class BuildInputs {
    /** One input: the arguments after `kiln build`, and what it is. */
    public record Input(String kind, List<String> args) {}

    /** The kinds, in order; input i is kind i % KINDS.size(), with random details from the run's seed. */
    public static final List<String> KINDS = List.of("not-a-jar", "empty-file", "empty-jar", "manifest-only",
            "truncated-jar", "bad-crc", "zip-bomb-entry", "directory-named-class", "classes-dir-of-directories",
            "constant-pool-count", "constant-pool-tag", "constant-pool-index", "truncated-class", "bit-flipped-class",
            "empty-class", "main-class-missing", "main-option-missing", "main-without-main", "main-class-jdk",
            "class-version-jdk26", "class-version-future", "entry-climbs-out", "no-such-input", "not-a-jar-suffix",
            "project-memory-too-small", "project-no-main", "main-class-path", "main-class-blank");

    private final Path dir;
    private final byte[] mainClass, helperClass;
    private Path bomb;

    private BuildInputs(Path dir, byte[] mainClass, byte[] helperClass) {
        this.dir = dir;
        this.mainClass = mainClass;
        this.helperClass = helperClass;
    }

    /** Compiles the two classes the inputs are made of (with the running JDK's javac) into dir. */
    public static BuildInputs in(Path dir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IOException("no Java compiler in this runtime (the build fuzzer needs a JDK)");
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Main.java"),
                "public class Main { public static void main(String[] a) { System.out.println(Helper.greeting()); } }\n");
        Files.writeString(src.resolve("Helper.java"),
                "public class Helper { static String greeting() { return \"hello\"; } }\n");
        Path out = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = javac.run(null, log, log, "-d", out.toString(), src.resolve("Main.java").toString(),
                src.resolve("Helper.java").toString());
        if (rc != 0) throw new IOException("javac failed: " + log);
        return new BuildInputs(dir, Files.readAllBytes(out.resolve("Main.class")), Files.readAllBytes(out.resolve("Helper.class")));
    }

    /** Input number index (kind index % KINDS.size()), its random details from r. */
    public Input make(int index, SplittableRandom r) throws IOException {
        String kind = KINDS.get(index % KINDS.size());
        Path d = Files.createDirectories(dir.resolve("input-" + index));
        Path jar = d.resolve("app.jar");
        List<String> args = new ArrayList<>(List.of(jar.toString()));
        switch (kind) {
            case "not-a-jar" -> Files.writeString(jar, "this is not a jar but a text file\n".repeat(1 + r.nextInt(50)));
            case "empty-file" -> Files.write(jar, new byte[0]);
            case "empty-jar" -> {
                try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
                    z.setComment("empty");
                }
            }
            case "manifest-only" -> jar(jar, "Main", List.of());
            case "truncated-jar" -> {
                jar(jar, "Main", List.of(entry("Main.class", mainClass), entry("Helper.class", helperClass)));
                byte[] b = Files.readAllBytes(jar);
                Files.write(jar, Arrays.copyOf(b, 1 + r.nextInt(b.length - 1)));
            }
            case "bad-crc" -> {
                storedJar(jar, mainClass);
                byte[] b = Files.readAllBytes(jar);
                int at = indexOf(b, mainClass); // the stored class bytes: change one, the CRC no longer matches
                b[at + 8 + r.nextInt(mainClass.length - 8)] ^= (byte) (1 + r.nextInt(255));
                Files.write(jar, b);
            }
            case "zip-bomb-entry" -> Files.copy(bomb(), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            case "directory-named-class" -> {
                try (JarOutputStream z = new JarOutputStream(Files.newOutputStream(jar), manifest("Main"))) {
                    z.putNextEntry(new JarEntry("Main.class/"));
                    z.closeEntry();
                }
            }
            case "classes-dir-of-directories" -> {
                Path classes = Files.createDirectories(d.resolve("classes"));
                Files.createDirectories(classes.resolve("Main.class"));
                Files.createDirectories(classes.resolve("pkg/Helper.class"));
                args.set(0, classes.toString());
            }
            case "constant-pool-count" -> { // the count promises more entries than the file holds
                byte[] c = mainClass.clone();
                c[8] = (byte) 0xff;
                c[9] = (byte) (0xff - r.nextInt(16));
                jar(jar, "Main", List.of(entry("Main.class", c)));
            }
            case "constant-pool-tag" -> { // an entry of a tag that does not exist
                byte[] c = mainClass.clone();
                c[10] = (byte) new int[] {0, 2, 13, 14, 21, 99, 255}[r.nextInt(7)];
                jar(jar, "Main", List.of(entry("Main.class", c), entry("Helper.class", helperClass)));
            }
            case "constant-pool-index" -> { // an index past the pool: this_class, or a u2 inside the pool
                byte[] c = mainClass.clone();
                int at = r.nextBoolean() ? thisClassOffset(c) : 10 + 1 + r.nextInt(Math.min(200, c.length - 12));
                c[at] = (byte) 0xff;
                c[at + 1] = (byte) r.nextInt(256);
                jar(jar, "Main", List.of(entry("Main.class", c), entry("Helper.class", helperClass)));
            }
            case "truncated-class" -> jar(jar, "Main", List.of(entry("Main.class",
                    Arrays.copyOf(mainClass, 8 + r.nextInt(mainClass.length - 8))), entry("Helper.class", helperClass)));
            case "bit-flipped-class" -> {
                byte[] c = mainClass.clone();
                for (int k = 1 + r.nextInt(8); k > 0; k--) c[8 + r.nextInt(c.length - 8)] ^= (byte) (1 << r.nextInt(8));
                jar(jar, "Main", List.of(entry("Main.class", c), entry("Helper.class", helperClass)));
            }
            case "empty-class" -> jar(jar, "Main", List.of(entry("Main.class", new byte[0]), entry("Helper.class", helperClass)));
            case "main-class-missing" -> jar(jar, "NoSuchMain" + r.nextInt(100),
                    List.of(entry("Main.class", mainClass), entry("Helper.class", helperClass)));
            case "main-option-missing" -> {
                jar(jar, null, List.of(entry("Main.class", mainClass), entry("Helper.class", helperClass)));
                args.addAll(List.of("--main", "com.example.Absent"));
            }
            case "main-without-main" -> jar(jar, "Helper", List.of(entry("Main.class", mainClass), entry("Helper.class", helperClass)));
            case "main-class-jdk" -> jar(jar, "java.lang.String", List.of(entry("Main.class", mainClass)));
            case "class-version-jdk26" -> jar(jar, "Main", List.of(entry("Main.class", version(mainClass, 70, 0)),
                    entry("Helper.class", helperClass)));
            case "class-version-future" -> jar(jar, "Main", List.of(entry("Main.class", version(mainClass, 99 + r.nextInt(1000), 0xffff)),
                    entry("Helper.class", helperClass)));
            case "entry-climbs-out" -> jar(jar, "Main", List.of(entry("Main.class", mainClass),
                    entry("../../kiln-fuzz-escaped-" + index + ".class", helperClass)));
            case "no-such-input" -> args.set(0, d.resolve("does-not-exist.jar").toString());
            case "not-a-jar-suffix" -> {
                Path zip = d.resolve("app.zip");
                jar(zip, "Main", List.of(entry("Main.class", mainClass)));
                args.set(0, zip.toString());
            }
            case "project-memory-too-small", "project-no-main" -> {
                Path project = Files.createDirectories(d.resolve("project"));
                Files.createDirectories(project.resolve("src"));
                Files.writeString(project.resolve("src/Main.java"), "public class Main { public static void main(String[] a) {} }\n");
                Files.writeString(project.resolve("kiln.properties"), kind.equals("project-no-main")
                        ? "name=nomain\n" : "main=Main\nmemory_mb=" + (r.nextInt(8)) + "\n");
                args.set(0, project.toString());
            }
            case "main-class-path" -> jar(jar, new String[] {"../Main", "/Main", "Main.class", "Main\u001b[2J"}[r.nextInt(4)],
                    List.of(entry("Main.class", mainClass), entry("Helper.class", helperClass)));
            case "main-class-blank" -> jar(jar, " ", List.of(entry("Main.class", mainClass)));
            default -> throw new IllegalStateException(kind);
        }
        args.addAll(List.of("-o", d.resolve("out.kiln").toString()));
        return new Input(kind, args);
    }

    /** The files an input must not have written: anything outside its own directory but in the scratch one. */
    public Path dir() {
        return dir;
    }

    private record Entry(String name, byte[] bytes) {}

    private static Entry entry(String name, byte[] bytes) {
        return new Entry(name, bytes);
    }

    private static Manifest manifest(String main) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (main != null) m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main);
        return m;
    }

    private static void jar(Path file, String main, List<Entry> entries) throws IOException {
        try (JarOutputStream z = new JarOutputStream(Files.newOutputStream(file), manifest(main))) {
            for (Entry e : entries) {
                z.putNextEntry(new JarEntry(e.name()));
                z.write(e.bytes());
                z.closeEntry();
            }
        }
    }

    /** A jar whose Main.class is stored (not deflated), so its bytes can be found and changed in the file. */
    private void storedJar(Path file, byte[] cls) throws IOException {
        try (JarOutputStream z = new JarOutputStream(Files.newOutputStream(file), manifest("Main"))) {
            JarEntry e = new JarEntry("Main.class");
            e.setMethod(ZipEntry.STORED);
            e.setSize(cls.length);
            CRC32 crc = new CRC32();
            crc.update(cls);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(cls);
            z.closeEntry();
            JarEntry h = new JarEntry("Helper.class");
            z.putNextEntry(h);
            z.write(helperClass);
            z.closeEntry();
        }
    }

    /** A jar with Main.class of 3 GiB of zeros, deflated to about 3 MB; made once per run. */
    private Path bomb() throws IOException {
        if (bomb != null) return bomb;
        Path file = dir.resolve("bomb.jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream z = new JarOutputStream(out, manifest("Main"))) {
            z.setLevel(Deflater.BEST_SPEED);
            z.putNextEntry(new JarEntry("Main.class"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 3 * 1024; i++) z.write(zeros);
            z.closeEntry();
        }
        bomb = file;
        return file;
    }

    private static byte[] version(byte[] cls, int major, int minor) {
        byte[] c = cls.clone();
        c[4] = (byte) (minor >> 8);
        c[5] = (byte) minor;
        c[6] = (byte) (major >> 8);
        c[7] = (byte) major;
        return c;
    }

    /** Offset of this_class: after the constant pool, which is walked entry by entry. */
    private static int thisClassOffset(byte[] c) {
        int count = ((c[8] & 0xff) << 8) | (c[9] & 0xff);
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = c[p] & 0xff;
            switch (tag) {
                case 1 -> p += 3 + (((c[p + 1] & 0xff) << 8) | (c[p + 2] & 0xff));
                case 7, 8, 16, 19, 20 -> p += 3;
                case 15 -> p += 4;
                case 5, 6 -> {
                    p += 9;
                    i++;
                }
                default -> p += 5;
            }
        }
        return p + 2; // access_flags, then this_class
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) if (haystack[i + k] != needle[k]) continue outer;
            return i;
        }
        throw new IllegalStateException("stored entry not found in the jar");
    }

}
