import java.text.*;

/** java.text.ChoiceFormat: limits and patterns, boundaries with # and <, nextDouble/previousDouble, formatting of values below the first limit, toPattern, parse. */
public class TextChoiceFormat {
    public static void main(String[] args) throws Exception {
        ChoiceFormat grades = new ChoiceFormat(new double[] {0, 60, 70, 80, 90}, new String[] {"F", "D", "C", "B", "A"});
        StringBuilder sb = new StringBuilder();
        for (double score : new double[] {-5, 0, 59.99, 60, 69.5, 70, 85, 90, 100, Double.NaN}) {
            sb.append(score).append('=').append(grades.format(score)).append(' ');
        }
        System.out.println(sb.toString().trim());
        ChoiceFormat plural = new ChoiceFormat("0#no items|1#one item|1<many items");
        for (int n : new int[] {-1, 0, 1, 2, 100}) {
            System.out.print(n + ":" + plural.format(n) + "; ");
        }
        System.out.println();
        System.out.println("toPattern " + plural.toPattern() + " | " + grades.toPattern());
        System.out.println("limits " + java.util.Arrays.toString(plural.getLimits()) + " formats " + java.util.Arrays.toString(plural.getFormats()));
        System.out.println("nextDouble(1)=" + ChoiceFormat.nextDouble(1.0) + " previousDouble(1)=" + ChoiceFormat.previousDouble(1.0) + " nextDouble(0)=" + ChoiceFormat.nextDouble(0.0)
                + " nextDouble(1,false)=" + ChoiceFormat.nextDouble(1.0, false));
        ChoiceFormat temp = new ChoiceFormat("-1#freezing|0#cold|15<mild|25#warm|35<hot");
        for (double t : new double[] {-20, -1, 0, 15, 15.5, 25, 35, 36}) {
            System.out.print(t + "=" + temp.format(t) + " ");
        }
        System.out.println();
        System.out.println("parse " + plural.parse("one item") + " " + grades.parse("B") + " " + plural.parse("many items", new ParsePosition(0)));
        ChoiceFormat escaped = new ChoiceFormat("0#a '|' pipe|1#b");
        System.out.println("escaped " + escaped.format(0) + " / " + escaped.format(1) + " pattern " + escaped.toPattern());
        ChoiceFormat applied = new ChoiceFormat("0#zero");
        applied.applyPattern("0#nothing|2#pair|3#several");
        System.out.println("applyPattern " + applied.format(1) + " " + applied.format(2) + " " + applied.format(7) + " equals " + applied.equals(new ChoiceFormat("0#nothing|2#pair|3#several")));
        try {
            new ChoiceFormat(new double[] {2, 1}, new String[] {"a", "b"});
        } catch (IllegalArgumentException e) {
            System.out.println("unsorted limits: IllegalArgumentException");
        }
        try {
            new ChoiceFormat(new double[] {1}, new String[] {"a", "b"});
        } catch (IllegalArgumentException e) {
            System.out.println("length mismatch: IllegalArgumentException");
        }
    }
}
