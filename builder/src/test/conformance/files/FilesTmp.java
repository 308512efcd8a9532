import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writing under the temporary directory: java.io and java.nio.file, then cleaning up. */
public class FilesTmp {
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("kiln-conf");
        System.out.println("in tmpdir: " + dir.getParent().equals(Path.of(System.getProperty("java.io.tmpdir"))));

        Path a = dir.resolve("a.txt");
        Files.writeString(a, "hello");
        Files.writeString(a, ", world\n", StandardOpenOption.APPEND);
        System.out.println("readString: " + Files.readString(a).trim() + " size " + Files.size(a));
        Files.write(a, List.of("one", "two", "three"));
        System.out.println("readAllLines: " + Files.readAllLines(a));
        try (var lines = Files.lines(a)) {
            System.out.println("lines, filtered: " + lines.filter(l -> l.contains("o")).toList());
        }

        File b = new File(dir.toFile(), "b.bin");
        try (FileOutputStream out = new FileOutputStream(b)) {
            for (int i = 0; i < 300; i++) {
                out.write(i);
            }
        }
        try (FileInputStream in = new FileInputStream(b)) {
            byte[] all = in.readAllBytes();
            System.out.println("bytes: " + all.length + " last " + (all[299] & 0xff) + " length() " + b.length());
        }
        try (FileWriter w = new FileWriter(b, true)) {
            w.write("tail");
        }
        System.out.println("after append: " + b.length());
        try (RandomAccessFile raf = new RandomAccessFile(b, "rw")) {
            raf.seek(1);
            System.out.println("raf read at 1: " + raf.read());
            raf.seek(0);
            raf.write(200);
            raf.seek(0);
            System.out.println("raf rewritten: " + raf.read() + " length " + raf.length());
            raf.setLength(10);
            System.out.println("raf truncated: " + raf.length());
        }

        File sub = new File(dir.toFile(), "sub");
        System.out.println("mkdir: " + sub.mkdir() + " again " + sub.mkdir() + " isDirectory " + sub.isDirectory());
        Files.writeString(sub.toPath().resolve("c.txt"), "c");
        File t = File.createTempFile("pre", ".suf", dir.toFile());
        System.out.println("createTempFile: " + t.getName().startsWith("pre") + " " + t.getName().endsWith(".suf")
                + " exists " + t.exists() + " length " + t.length());
        System.out.println("delete: " + t.delete() + " exists " + t.exists());

        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                names.add(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
            }
        }
        Collections.sort(names);
        System.out.println("directory: " + names);
        String[] listed = dir.toFile().list();
        java.util.Arrays.sort(listed);
        System.out.println("File.list: " + String.join(",", listed));

        System.out.println("delete non-empty: " + sub.delete());
        try {
            Files.delete(dir.resolve("missing"));
        } catch (NoSuchFileException e) {
            System.out.println("NoSuchFileException: " + e.getMessage().endsWith("missing"));
        }
        Files.delete(sub.toPath().resolve("c.txt"));
        Files.delete(sub.toPath());
        Files.delete(a);
        System.out.println("b deleted: " + b.delete());
        Files.delete(dir);
        System.out.println("cleaned up: " + Files.exists(dir) + " " + Files.notExists(dir));
        System.out.println("content as bytes: " + new String("ok".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
