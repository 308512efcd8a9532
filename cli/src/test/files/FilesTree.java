import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a file tree through java.io and java.nio.file (NativeFilesTest): "read ROOT CONF" prints
 * what it finds, paths relative to ROOT, so HotSpot reading the tree on the host and the image
 * reading it at its DEST print the same; "write ROOT" tries to change it (the image's tree is
 * read-only; HotSpot as root could write, so that mode runs in the image only); "fill" fills /tmp.
 */
public class FilesTree {
    public static void main(String[] args) throws IOException {
        if (args[0].equals("read")) {
            read(Paths.get(args[1]), Paths.get(args[2]));
        } else if (args[0].equals("fill")) {
            fill();
        } else {
            write(Paths.get(args[1]));
        }
    }

    static String rel(Path root, Path p) {
        String r = root.relativize(p).toString();
        return r.isEmpty() ? "." : r;
    }

    static void read(Path root, Path conf) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                System.out.println("walk " + rel(root, p) + (Files.isDirectory(p) ? "/" : " " + Files.size(p)));
            }
        }
        try (Stream<Path> s = Files.find(root, 10, (p, a) -> a.isRegularFile() && p.toString().endsWith(".txt"))) {
            System.out.println("find *.txt: " + s.map(p -> rel(root, p)).sorted().collect(Collectors.toList()));
        }
        try (Stream<Path> s = Files.list(root)) {
            System.out.println("list: " + s.map(p -> rel(root, p)).sorted().collect(Collectors.toList()));
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("docs"))) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        System.out.println("directory stream: " + names);

        Path text = root.resolve("docs/readme.txt");
        System.out.println("readString: " + Files.readString(text).replace("\n", "|"));
        System.out.println("readAllLines: " + Files.readAllLines(text));
        try (Stream<String> lines = Files.lines(text)) {
            System.out.println("lines count: " + lines.count());
        }
        try (BufferedReader r = Files.newBufferedReader(root.resolve("docs/unicode.txt"))) {
            System.out.println("newBufferedReader: " + r.readLine());
        }
        try (InputStream in = Files.newInputStream(root.resolve("blob.bin"), StandardOpenOption.READ)) {
            byte[] b = in.readAllBytes();
            int sum = 0;
            for (byte x : b) {
                sum = sum * 31 + (x & 0xff);
            }
            System.out.println("newInputStream: " + b.length + " bytes, hash " + sum);
        }
        System.out.println("readAllBytes: " + Files.readAllBytes(root.resolve("empty.txt")).length);
        System.out.println("exists: " + Files.exists(text) + " " + Files.exists(root.resolve("nope"))
                + " isDirectory " + Files.isDirectory(root.resolve("docs")) + " " + Files.isDirectory(text)
                + " isRegularFile " + Files.isRegularFile(text) + " isReadable " + Files.isReadable(text));

        File dir = root.resolve("docs").toFile();
        String[] listed = dir.list();
        Arrays.sort(listed);
        System.out.println("File.list: " + Arrays.toString(listed) + " exists " + dir.exists() + " isDirectory "
                + dir.isDirectory() + " isFile " + dir.isFile());
        File f = text.toFile();
        System.out.println("File: length " + f.length() + " isFile " + f.isFile() + " canRead " + f.canRead()
                + " name " + f.getName() + " missing.exists " + new File(dir, "missing").exists()
                + " missing.length " + new File(dir, "missing").length());
        try (BufferedReader r = new BufferedReader(new FileReader(f))) {
            System.out.println("FileReader: " + r.readLine());
        }
        try (FileInputStream in = new FileInputStream(f)) {
            in.skip(4);
            System.out.println("FileInputStream after skip 4: " + (char) in.read() + ", available " + in.available());
        }
        try (RandomAccessFile raf = new RandomAccessFile(root.resolve("blob.bin").toFile(), "r")) {
            raf.seek(1000);
            int a = raf.read();
            raf.seek(10);
            int b = raf.read();
            System.out.println("RandomAccessFile: length " + raf.length() + ", at 1000 " + a + ", at 10 " + b
                    + ", pointer " + raf.getFilePointer());
        }
        System.out.println("conf: " + Files.readString(conf).trim());

        try {
            Files.readString(root.resolve("docs/missing.txt"));
        } catch (NoSuchFileException e) {
            System.out.println("NoSuchFileException " + rel(root, Paths.get(e.getFile())));
        }
        try {
            new FileInputStream(new File(dir, "missing.txt")).close();
        } catch (FileNotFoundException e) {
            System.out.println("FileNotFoundException");
        }
        try {
            new FileInputStream(dir).read();
            System.out.println("read a directory: no exception");
        } catch (IOException e) {
            System.out.println("read a directory: " + e.getClass().getSimpleName());
        }
    }

    static void write(Path root) {
        Path text = root.resolve("docs/readme.txt");
        attempt("Files.writeString existing", () -> Files.writeString(text, "x"));
        attempt("Files.writeString new", () -> Files.writeString(root.resolve("new.txt"), "x"));
        attempt("Files.writeString missing dir", () -> Files.writeString(root.resolve("no/such/new.txt"), "x"));
        attempt("Files.createDirectory", () -> Files.createDirectory(root.resolve("newdir")));
        attempt("Files.delete", () -> Files.delete(text));
        attempt("FileOutputStream", () -> new FileOutputStream(text.toFile()).close());
        attempt("File.createNewFile", () -> System.out.println("  returned " + root.resolve("new2").toFile().createNewFile()));
        System.out.println("File.mkdir: " + root.resolve("newdir").toFile().mkdir());
        System.out.println("File.delete: " + text.toFile().delete() + ", still there " + Files.exists(text));
        attempt("RandomAccessFile rw", () -> new RandomAccessFile(text.toFile(), "rw").close());
        attempt("outside the tree", () -> Files.writeString(Paths.get("/etc/elsewhere.txt"), "x"));
        attempt("/tmp", () -> {
            Path t = Files.writeString(Paths.get("/tmp/ok.txt"), "fine");
            System.out.println("  /tmp reads back " + Files.readString(t));
        });
    }

    /** Fills /tmp until it is full, then frees it and writes again (the image only: the host's /tmp is a disk). */
    static void fill() throws IOException {
        byte[] chunk = new byte[1 << 20];
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < 100_000; i++) {
                written.add(Files.write(Paths.get("/tmp/fill-" + i), chunk));
            }
            System.out.println("/tmp never filled");
        } catch (IOException e) {
            System.out.println("full: " + e.getClass().getSimpleName() + ": " + e.getMessage() + " after "
                    + (written.size() > 0 ? "some" : "no") + " files");
        }
        for (Path p : written) {
            Files.delete(p);
        }
        Files.write(Paths.get("/tmp/after"), chunk);
        System.out.println("after freeing: " + Files.size(Paths.get("/tmp/after")));
    }

    interface Io {
        void run() throws IOException;
    }

    static void attempt(String what, Io io) {
        try {
            io.run();
            System.out.println(what + ": done");
        } catch (FileSystemException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName() + " " + e.getReason());
        } catch (IOException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }
}
