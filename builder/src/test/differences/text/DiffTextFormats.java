import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** java.text: MessageFormat.toPattern, NumberFormat's maximum integer digits, parseIntegerOnly and a failed parse. */
public class DiffTextFormats {
    public static void main(String[] args) {
        System.out.println(new MessageFormat("{0,number,#.#}").toPattern());
        NumberFormat nf = NumberFormat.getInstance(Locale.US);
        nf.setMaximumIntegerDigits(2);
        System.out.println("max 2 integer digits: " + nf.format(12345));
        NumberFormat ints = NumberFormat.getInstance(Locale.US);
        ints.setParseIntegerOnly(true);
        System.out.println("parseIntegerOnly 12.75: " + ints.parse("12.75", new ParsePosition(0)));
        ParsePosition pos = new ParsePosition(0);
        System.out.println("parse abc: " + NumberFormat.getInstance(Locale.US).parse("abc", pos) + " error index "
                + pos.getErrorIndex());
        System.out.println("end of DiffTextFormats");
    }
}
