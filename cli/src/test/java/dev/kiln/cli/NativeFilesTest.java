package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kiln build --file SRC:DEST` (docs/native-images.md, "Files and resources"): a tree built into
 * an image through the real CLI, read by cli/src/test/files/FilesTree.java in the image at its
 * DEST and on HotSpot at its SRC; the outputs must be the same byte for byte. Changing the tree
 * fails in the image as on a read-only Linux file system; bad --file values are one-line errors.
 */
class NativeFilesTest {
    static final Path KILN_HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path tmp;
    static Path classes;
    static Path tree;
    static Path conf;
    static Path image;

    record Ran(int status, String output) {
    }

    static Ran run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", KILN_HOME.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "did not end: " + cmd);
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static List<String> kiln(String... args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @BeforeAll
    static void build() throws Exception {
        classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        Ran javac = run(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d",
                classes.toString(), KILN_HOME.resolve("cli/src/test/files/FilesTree.java").toString()));
        assertEquals(0, javac.status(), javac.output());
        tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("docs/sub"));
        Files.writeString(tree.resolve("docs/readme.txt"), "Read me\nsecond line\n\nlast, no newline");
        Files.writeString(tree.resolve("docs/unicode.txt"), "Grüße, καλημέρα, 日本語 😀\n");
        Files.writeString(tree.resolve("docs/sub/deep.txt"), "deep\n");
        Files.writeString(tree.resolve("empty.txt"), "");
        byte[] blob = new byte[70_000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) (i * 7 + i / 256);
        }
        Files.write(tree.resolve("blob.bin"), blob);
        conf = tmp.resolve("app.conf");
        Files.writeString(conf, "setting=on\n");
        image = tmp.resolve("files-tree.kiln");
        Ran built = run(kiln("build", classes.toString(), "--main", "FilesTree", "--file", tree + ":/srv/data",
                "--file", conf + ":/etc/files-test.conf", "-o", image.toString()));
        assertEquals(0, built.status(), built.output());
        assertTrue(built.output().contains("0 resources (0 bytes), 6 files (70"), built.output());
    }

    @Test
    void theImageReadsTheTreeAsHotSpotReadsItOnTheHost() throws Exception {
        Ran hotspot = run(List.of(JAVA, "-cp", classes.toString(), "FilesTree", "read", tree.toString(),
                conf.toString()));
        assertEquals(0, hotspot.status(), hotspot.output());
        Ran unikernel = run(kiln("run", image.toString(), "--", "read", "/srv/data", "/etc/files-test.conf"));
        assertEquals(hotspot.output(), unikernel.output());
        assertEquals(0, unikernel.status());
    }

    @Test
    void changingTheTreeFailsAsOnAReadOnlyFileSystem() throws Exception {
        Ran r = run(kiln("run", image.toString(), "--", "write", "/srv/data"));
        assertEquals(0, r.status(), r.output());
        for (String line : List.of(
                "Files.writeString existing: FileSystemException Read-only file system",
                "Files.writeString new: FileSystemException Read-only file system",
                "Files.writeString missing dir: NoSuchFileException null",
                "Files.createDirectory: FileSystemException Read-only file system",
                "Files.delete: FileSystemException Read-only file system",
                "FileOutputStream: FileNotFoundException",
                "File.createNewFile: IOException",
                "File.mkdir: false",
                "File.delete: false, still there true",
                "RandomAccessFile rw: FileNotFoundException",
                "outside the tree: FileSystemException Read-only file system",
                "  /tmp reads back fine",
                "/tmp: done")) {
            assertTrue(r.output().contains(line + "\n"), () -> "missing \"" + line + "\" in:\n" + r.output());
        }
    }

    @Test
    void aFullTmpIsNoSpaceLeftOnDeviceAndFreeingItGivesTheSpaceBack() throws Exception {
        Ran r = run(kiln("run", image.toString(), "--", "fill"));
        assertEquals("full: IOException: No space left on device after some files\nafter freeing: 1048576\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void badFileMappingsAreOneLineErrors() throws Exception {
        Files.createDirectories(tmp.resolve("bad"));
        for (String[] c : List.of(
                new String[] {tmp.resolve("bad/nothere") + ":/data", "does not exist"},
                new String[] {tree + ":data", "must be an absolute path in the image"},
                new String[] {tree + ":/tmp/data", "is in /tmp"})) {
            Ran r = run(kiln("build", classes.toString(), "--main", "FilesTree", "--file", c[0], "-o",
                    tmp.resolve("bad/x.kiln").toString()));
            assertEquals(125, r.status(), r.output());
            List<String> errors = r.output().lines().filter(l -> l.startsWith("kiln: error:")).toList();
            assertEquals(1, errors.size(), r.output());
            assertTrue(errors.get(0).contains(c[1]), r.output());
        }
    }
}
