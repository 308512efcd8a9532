package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file tree of --file SRC:DEST and files=: what it holds, and every bad input refused with one
 * line that names it (no TeaVM run: these checks come before it).
 */
class ImageTreeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(dir.resolve("data/sub"));
        Files.writeString(dir.resolve("data/a.txt"), "alpha\n");
        Files.writeString(dir.resolve("data/sub/b.txt"), "beta\n");
        Files.writeString(dir.resolve("single.conf"), "x=1\n");
    }

    private ImageTree collect(String... specs) throws Exception {
        List<FileMapping> mappings = new java.util.ArrayList<>();
        for (String s : specs) {
            mappings.add(FileMapping.parse(s, dir));
        }
        return ImageTree.collect(mappings);
    }

    private String refused(String... specs) {
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> collect(specs));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void directoriesAndFilesAtTheirDestinationsWithTheDirectoriesAbove() throws Exception {
        ImageTree t = collect("data:/srv/app/data", "single.conf:/etc/app.conf");
        assertEquals(List.of("/etc", "/etc/app.conf", "/srv", "/srv/app", "/srv/app/data", "/srv/app/data/a.txt",
                "/srv/app/data/sub", "/srv/app/data/sub/b.txt"), t.entries().stream().map(ImageTree.Entry::path).toList());
        assertEquals(3, t.files());
        assertEquals(15, t.bytes());
    }

    @Test
    void aMissingSourceIsNamed() {
        String m = refused("nothere:/data");
        assertTrue(m.contains("SRC") && m.contains("nothere") && m.contains("does not exist"), m);
    }

    @Test
    void aRelativeDestinationIsRefused() {
        String m = refused("data:data");
        assertTrue(m.contains("must be an absolute path in the image"), m);
    }

    @Test
    void noDestinationInTmpNorTheRoot() {
        assertTrue(refused("data:/tmp/data").contains("is in /tmp"), "tmp");
        assertTrue(refused("data:/tmp").contains("is in /tmp"), "tmp itself");
        assertTrue(refused("data:/").contains("not / itself"), "root");
        assertTrue(refused("data").contains("is not SRC:DEST"), "no colon");
    }

    @Test
    void twoSourcesForOnePathAreRefused() {
        String m = refused("single.conf:/etc/x.conf", "data/a.txt:/etc/x.conf");
        assertTrue(m.contains("/etc/x.conf is also given by") && m.contains("single.conf"), m);
        // a directory inside another mapping's tree, over a file of it
        String n = refused("data:/data", "single.conf:/data/a.txt");
        assertTrue(n.contains("/data/a.txt is also given by"), n);
    }

    @Test
    void twoMappingsMayShareDirectories() throws Exception {
        ImageTree t = collect("data:/data", "single.conf:/data/sub/c.conf");
        assertTrue(t.entries().stream().anyMatch(e -> e.path().equals("/data/sub/c.conf")));
    }

    @Test
    void aSymbolicLinkLoopIsNamed() throws Exception {
        Files.createSymbolicLink(dir.resolve("data/sub/loop"), dir.resolve("data"));
        String m = refused("data:/data");
        assertTrue(m.contains("symbolic link loop") && m.contains("loop"), m);
    }

    @Test
    void aTreeBeyondTheLimitIsRefused() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("data/huge.bin").toFile(), "rw")) {
            f.setLength(ImageTree.MAX_BYTES); // sparse: no disk used
        }
        String m = refused("data:/data");
        assertTrue(m.contains("larger than 64 MiB"), m);
    }

    @Test
    void aControlCharacterInANameIsRefused() throws Exception {
        Files.writeString(dir.resolve("data/bad\tname"), "x");
        String m = refused("data:/data");
        assertTrue(m.contains("control character") && !m.contains("\t"), m);
    }

    @Test
    void filesInKilnPropertiesAreRelativeToTheProject() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/Main.java"), "public class Main { public static void main(String[] a) {} }\n");
        Files.writeString(dir.resolve("src/conf.txt"), "resource\n");
        Files.writeString(dir.resolve(AppInput.PROJECT_FILE), "main=Main\nfiles=data:/data, single.conf:/etc/s.conf\n");
        AppInput app = AppInput.resolve(dir, null);
        assertEquals(List.of(new FileMapping(dir.resolve("data"), "/data"),
                new FileMapping(dir.resolve("single.conf"), "/etc/s.conf")), app.files());
        assertEquals(List.of("conf.txt"), List.copyOf(app.resources().keySet()));
        Files.writeString(dir.resolve(AppInput.PROJECT_FILE), "main=Main\nfiles=data:relative\n");
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> AppInput.resolve(dir, null));
        assertTrue(e.getMessage().contains(AppInput.PROJECT_FILE) && e.getMessage().contains("absolute"), e.getMessage());
    }
}
