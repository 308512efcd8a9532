import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;

/** The application's resources: Class and ClassLoader lookups, relative and absolute names, missing ones. */
public class FilesResources {
    public static void main(String[] args) throws IOException {
        try (InputStream in = FilesResources.class.getResourceAsStream("/filesdata/lines.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println("class, absolute: " + line);
            }
        }
        // FilesResources is in the default package, so a relative name is taken from the root
        try (InputStream in = FilesResources.class.getResourceAsStream("filesdata/utf8.txt")) {
            System.out.println("class, relative: " + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        ClassLoader loader = FilesResources.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("filesdata/lines.txt")) {
            byte[] all = in.readAllBytes();
            System.out.println("class loader: " + all.length + " bytes, last byte " + all[all.length - 1]);
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream("FilesConfig.properties")) {
            Properties p = new Properties();
            p.load(in);
            System.out.println("properties: " + new TreeMap<>(p));
        }
        System.out.println("missing, class: " + FilesResources.class.getResourceAsStream("/no/such.txt"));
        System.out.println("missing, loader: " + loader.getResourceAsStream("nothing-here"));
        System.out.println("loader, leading slash: " + loader.getResourceAsStream("/filesdata/lines.txt"));
        try (InputStream in = FilesResources.class.getResourceAsStream("/filesdata/lines.txt")) {
            System.out.println("skip 6, read: " + (char) in.read() + " skipped " + in.skip(5));
            byte[] b = new byte[4];
            int n = in.read(b, 1, 3);
            System.out.println("read into offset 1: " + n + " " + new String(b, 1, n, StandardCharsets.US_ASCII));
            System.out.println("to the end: " + in.readAllBytes().length + ", then " + in.read());
        }
    }
}
