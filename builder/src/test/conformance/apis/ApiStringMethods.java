import java.util.Arrays;
import java.util.stream.Collectors;

/** String and CharSequence methods of JDK 11 to 21 (issue 13, item 4). */
public class ApiStringMethods {
    /** A CharSequence without isEmpty: JDK 15's default method must serve it. */
    static final class Letters implements CharSequence {
        private final int n;

        Letters(int n) {
            this.n = n;
        }

        public int length() {
            return n;
        }

        public char charAt(int i) {
            return (char) ('a' + i % 26);
        }

        public CharSequence subSequence(int from, int to) {
            return new Letters(to - from);
        }

        @Override
        public String toString() {
            return new StringBuilder(this).toString();
        }
    }

    public static void main(String[] args) {
        String text = "one\ntwo\r\nthree\rfour\n\nsix\n";
        System.out.println(text.lines().collect(Collectors.toList()));
        System.out.println(text.lines().count() + " " + "".lines().count() + " " + "\n".lines().count());
        System.out.print("a\nb\r\nc".indent(2));
        System.out.print("   x\n  y\n z\nw".indent(-2));
        System.out.print("p\r\nq".indent(0));
        System.out.println("[" + "".indent(4) + "]");
        Integer tenfold = "kiln".transform(s -> s.length() * 10);
        System.out.println(tenfold);
        System.out.println("   <html>\n      <p>x</p>\n   </html>\n".stripIndent());
        System.out.println("tab\\there \\\"q\\\" \\101 \\s|".translateEscapes());
        System.out.println("[" + "    a  \n      b\n    ".stripIndent() + "]");
        System.out.println("[" + "  x\n\n    y  \n  ".stripIndent() + "][" + "".stripIndent() + "]");
        System.out.println("[" + "one \\\ntwo \\\r\nthree \\0\\7\\77\\377\\400".translateEscapes().chars().boxed().toList() + "]");
        for (String bad : new String[] {"bad \\q", "end \\"}) {
            try {
                bad.translateEscapes();
            } catch (IllegalArgumentException e) {
                System.out.println(e.getMessage());
            }
        }
        System.out.println(" \t\n\u2003".isBlank() + " " + "\u00a0".isBlank() + " " + "\u001c".isBlank());
        System.out.println("%d-%s-%.2f".formatted(7, "x", 2.5));
        System.out.println("ab".repeat(3) + "|" + "x".repeat(0) + "|");
        System.out.println(" \t\n".isBlank() + " " + " a ".isBlank() + " " + "".isBlank());
        String ws = "\u2003 pad \u2003";
        System.out.println("[" + ws.strip() + "][" + ws.stripLeading() + "][" + ws.stripTrailing() + "][" + ws.trim() + "]");
        System.out.println("h\uD83D\uDE00i".chars().boxed().collect(Collectors.toList()));
        System.out.println("h\uD83D\uDE00i".codePoints().boxed().collect(Collectors.toList()));
        System.out.println("hello".indexOf('l', 0, 3) + " " + "hello".indexOf('l', 3, 5) + " " + "hello".indexOf('o', 0, 4));
        System.out.println("hello hello".indexOf("lo", 0, 5) + " " + "hello hello".indexOf("lo", 4, 11)
                + " " + "hello".indexOf("", 2, 2));
        try {
            "hello".indexOf('l', 3, 9);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(Arrays.toString("a,b;;c".splitWithDelimiters("[,;]", 0)));
        System.out.println(Arrays.toString("a,b;;c,".splitWithDelimiters("[,;]", 0)));
        System.out.println(Arrays.toString("a,b;;c".splitWithDelimiters("[,;]", 2)));
        System.out.println(Arrays.toString("abc".splitWithDelimiters("x", 0)));
        System.out.println(CharSequence.compare("abc", new StringBuilder("abd")) + " "
                + CharSequence.compare(new StringBuilder("abc"), "ab") + " " + CharSequence.compare("", ""));
        CharSequence none = new Letters(0);
        CharSequence some = new Letters(30);
        System.out.println(none.isEmpty() + " " + some.isEmpty() + " " + new StringBuilder().isEmpty() + " " + some);
        System.out.println(Arrays.asList("b", "C", "a").stream().map(String::strip).sorted(CharSequence::compare)
                .collect(Collectors.joining(",")));
        System.out.println("x\ny".lines().map(String::toUpperCase).collect(Collectors.joining("+")));
    }
}
