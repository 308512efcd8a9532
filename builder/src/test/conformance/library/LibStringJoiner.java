import java.util.*;
import java.util.stream.*;

/** StringJoiner (prefix, suffix, empty value, merge, length) and String.join / Collectors.joining. */
public class LibStringJoiner {
    public static void main(String[] args) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        System.out.println(j + " length=" + j.length());
        j.setEmptyValue("EMPTY");
        System.out.println(j + " length=" + j.length());
        j.add("a").add("b").add(null);
        System.out.println(j + " length=" + j.length());
        StringJoiner other = new StringJoiner("-", "{", "}");
        other.add("x").add("y");
        j.merge(other);
        System.out.println("merged " + j + " other unchanged " + other);
        StringJoiner empty = new StringJoiner("/");
        j.merge(empty);
        System.out.println("merge empty " + j);
        StringJoiner onlyEmpty = new StringJoiner(",", "<", ">");
        onlyEmpty.add("");
        System.out.println("one empty element [" + onlyEmpty + "] " + onlyEmpty.length());
        StringJoiner self = new StringJoiner(":", "(", ")");
        self.add("p").add("q");
        self.merge(self);
        System.out.println("self merge " + self);
        System.out.println(String.join("|", "a", "b", "c") + " " + String.join(",", List.of()) + " " + String.join("+", new TreeSet<>(Set.of("z", "y"))) + " "
                + String.join("", Collections.nCopies(3, "ab")) + " " + String.join("-", Arrays.asList("x", null)));
        System.out.println(Stream.of("one", "two", "three").collect(Collectors.joining()) + " " + Stream.of("one", "two").collect(Collectors.joining("; ", "<<", ">>")) + " "
                + Stream.<String>empty().collect(Collectors.joining(",", "[", "]")) + " " + IntStream.rangeClosed(1, 5).mapToObj(Integer::toString).collect(Collectors.joining("*")));
        try {
            new StringJoiner(null);
        } catch (NullPointerException e) {
            System.out.println("null delimiter: NullPointerException");
        }
        StringJoiner csv = new StringJoiner(",");
        for (int row = 0; row < 3; row++) {
            StringJoiner line = new StringJoiner(";", "r" + row + "=", "");
            for (int col = 0; col <= row; col++) {
                line.add(Integer.toString(row * col));
            }
            csv.add(line.toString());
        }
        System.out.println(csv);
    }
}
