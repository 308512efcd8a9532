import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.InputMismatchException;
import java.util.NoSuchElementException;
import java.util.Scanner;

/** java.util.Scanner over strings, readers and streams: tokens, numbers, lines, delimiters, findInLine (issue 13, item 4). */
public class ApiScanner {
    public static void main(String[] args) {
        Scanner s = new Scanner("12 abc 99999999999 1,234 3.5 true\nline two\n\nx");
        System.out.println(s.nextInt());
        try {
            s.nextInt();
        } catch (InputMismatchException e) {
            System.out.println(e);
        }
        System.out.println(s.next());
        try {
            s.nextInt();
        } catch (InputMismatchException e) {
            System.out.println(e);
        }
        System.out.println(s.nextLong());
        System.out.println(s.nextInt());
        System.out.println(s.nextDouble() + " " + s.nextBoolean() + "[" + s.nextLine() + "][" + s.nextLine() + "]["
                + s.nextLine() + "]");
        System.out.println(s.hasNextLine() + s.nextLine() + s.hasNextLine() + s.hasNext());
        try {
            s.next();
        } catch (NoSuchElementException e) {
            System.out.println(e);
        }
        try {
            s.nextLine();
        } catch (NoSuchElementException e) {
            System.out.println(e);
        }
        s.close();
        try {
            s.hasNext();
        } catch (IllegalStateException e) {
            System.out.println(e);
        }
        Scanner t = new Scanner("a, b,,c");
        t.useDelimiter(",\\s*");
        System.out.println(t.delimiter());
        while (t.hasNext()) {
            System.out.println("[" + t.next() + "]");
        }
        Scanner f = new Scanner("key=42; other=7\nnext=1");
        System.out.println(f.findInLine("(\\w+)=(\\d+)") + " " + f.match().group(1) + " " + f.match().group(2) + " "
                + f.findInLine("next") + " " + f.findInLine("other=\\d") + " [" + f.nextLine() + "] " + f.findInLine("n.x"));
        System.out.println(new Scanner("  lead\n").next() + new Scanner("-5 +6 0x1").nextInt() + " "
                + new Scanner("ff").nextInt(16) + " " + new Scanner("zz").useRadix(36).nextLong());
        Scanner g = new Scanner("1 2 3 x");
        int sum = 0;
        while (g.hasNextInt()) {
            sum += g.nextInt();
        }
        System.out.println(sum + g.next());
        System.out.println(new Scanner("a b c").tokens().toList());
        System.out.println(new Scanner("1.5e3 -0.25").nextDouble() + " " + new Scanner("+6").nextInt() + " "
                + new Scanner("-12.50").nextBigDecimal() + " " + new Scanner("123456789012345678901234567890").nextBigInteger());
        Scanner kinds = new Scanner("300 100 true FALSE maybe 7");
        System.out.println(kinds.hasNextByte() + " " + kinds.hasNextShort() + " " + kinds.nextShort() + " "
                + kinds.nextByte() + " " + kinds.nextBoolean() + " " + kinds.nextBoolean() + " " + kinds.hasNextBoolean()
                + " " + kinds.hasNext("m.*") + " " + kinds.next("m.*") + " " + kinds.hasNext("\\d"));
        try {
            new Scanner("300").nextByte();
        } catch (InputMismatchException e) {
            System.out.println(e);
        }
        Scanner reader = new Scanner(new StringReader("x1 y2\r\nz3"));
        System.out.println(reader.next() + " " + reader.nextLine() + "|" + reader.nextLine() + "|" + reader.hasNextLine());
        Scanner bytes = new Scanner(new ByteArrayInputStream("caf\u00e9 42\n".getBytes(StandardCharsets.UTF_8)), "UTF-8");
        System.out.println(bytes.next() + " " + bytes.nextInt() + " " + bytes.hasNext());
        Scanner csv = new Scanner("name;age\nann;31\nbob;27\n");
        csv.nextLine();
        int total = 0;
        while (csv.hasNextLine()) {
            String[] row = csv.nextLine().split(";");
            total += Integer.parseInt(row[1]);
        }
        System.out.println("total age " + total);
        Scanner skip = new Scanner("###value");
        System.out.println(skip.skip("#+").next());
    }
}
