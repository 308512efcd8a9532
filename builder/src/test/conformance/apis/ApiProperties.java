import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

/** java.util.Properties: load (both syntaxes, escapes, continuations), defaults, store (issue 13, item 4). */
public class ApiProperties {
    public static void main(String[] args) throws Exception {
        String text = """
                # a comment
                ! another
                name = Kiln
                colon:value
                spaced key\\ one  value with trailing space\\u0020
                multi = first, \\
                        second, \\
                        third
                unicode=caf\\u00e9 \\t tab
                empty=
                justkey
                  indented = yes
                """;
        Properties p = new Properties();
        p.load(new StringReader(text));
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            System.out.println("[" + key + "]=[" + p.getProperty(key) + "]");
        }
        Properties withDefaults = new Properties(p);
        withDefaults.setProperty("name", "override");
        System.out.println(withDefaults.getProperty("name") + " " + withDefaults.getProperty("colon") + " "
                + withDefaults.getProperty("missing", "fallback") + " " + withDefaults.size() + " "
                + new TreeSet<>(withDefaults.stringPropertyNames()).size());

        Properties fromBytes = new Properties();
        fromBytes.load(new ByteArrayInputStream("latin=\u00e9t\u00e9\nx=1\n".getBytes(StandardCharsets.ISO_8859_1)));
        System.out.println(fromBytes.getProperty("latin") + " " + fromBytes.getProperty("x"));

        Properties out = new Properties();
        out.setProperty("key with spaces", "value=with:specials #!");
        out.setProperty("unicode", "\u00e9\u4e2d");
        out.setProperty("lead", "  spaces kept");
        StringWriter w = new StringWriter();
        out.store(w, "the comment");
        // the second line is the date: HotSpot's own clock and zone, so only its shape is shown
        String[] lines = w.toString().split("\n");
        System.out.println(lines[0] + " | date line starts with #: " + lines[1].startsWith("#") + " | " + lines.length);
        TreeSet<String> body = new TreeSet<>();
        for (int i = 2; i < lines.length; i++) {
            body.add(lines[i]);
        }
        System.out.println(body);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.store(bytes, null);
        String stored = bytes.toString(StandardCharsets.ISO_8859_1);
        System.out.println(stored.contains("unicode=\\u00E9\\u4E2D") + " " + stored.startsWith("#"));
        Properties back = new Properties();
        back.load(new StringReader(w.toString()));
        System.out.println(back.equals(out) + " " + back.getProperty("key with spaces") + " [" + back.getProperty("lead") + "]");
    }
}
