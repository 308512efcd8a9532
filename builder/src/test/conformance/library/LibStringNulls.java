import java.util.Arrays;

/** StringBuilder.setLength fills with '\0', null CharSequences append "null", String.join of null elements. */
public class LibStringNulls {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder("hello");
        sb.setLength(2);
        sb.setLength(4);
        System.out.println(sb.toString().replace('\0', '0') + " " + sb.length());
        sb.setLength(40);
        System.out.println(sb.toString().replace('\0', '0') + " " + sb.length());
        sb.setLength(0);
        System.out.println("[" + sb + "]");
        try {
            sb.setLength(-1);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e);
        }
        StringBuffer buf = new StringBuffer("kiln");
        buf.setLength(1);
        buf.setLength(3);
        System.out.println(buf.toString().replace('\0', '0'));
        CharSequence nothing = null;
        System.out.println(new StringBuilder("a").append(nothing).append((CharSequence) "b"));
        System.out.println(new StringBuffer("a").append(nothing).append((CharSequence) new StringBuilder("c")));
        System.out.println(String.join("-", Arrays.asList("x", null, "z")));
        System.out.println(String.join("-", "y", null));
        System.out.println(String.join(", ", new java.util.TreeSet<>(java.util.List.of("b", "a"))));
        System.out.println("[" + String.join("/") + "]");
    }
}
