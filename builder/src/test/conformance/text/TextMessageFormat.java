import java.text.*;
import java.util.*;

/** java.text.MessageFormat with locale-free formats: argument indices and reuse, quoting rules, number subformats with patterns, choice subformats, nulls, toPattern, parse. */
public class TextMessageFormat {
    public static void main(String[] args) throws Exception {
        System.out.println(MessageFormat.format("{0} has {1} item(s) in {2}", "ann", 3, "cart"));
        System.out.println(MessageFormat.format("{1}, {0}! {1} again, {0}", "world", "hello"));
        System.out.println(MessageFormat.format("quotes: '{0}' is literal, ''{0}'' is quoted, it''s {0}", "X"));
        System.out.println(MessageFormat.format("missing {3} and null {0}", (Object) null));
        System.out.println(MessageFormat.format("no args here", new Object[0]) + " | " + MessageFormat.format("'{'braces'}' {0}", "ok"));
        System.out.println(MessageFormat.format("{0,number,#.##} {0,number,0000.0} {1,number,#,##0} {2,number,0.###E0} {3,number,00}", 3.14159, 1234567, 0.000123, 7));
        System.out.println(MessageFormat.format("strings {0} {1} {2}", "s", 'c', true));
        MessageFormat files = new MessageFormat("There {0,choice,0#are no files|1#is one file|1<are {0,number,integer} files} on {1}.");
        for (int n : new int[] {0, 1, 2, 1273}) {
            System.out.println(files.format(new Object[] {n, "disk"}));
        }
        MessageFormat mf = new MessageFormat("{0}-{1}:{2}");
        System.out.println("toPattern " + mf.toPattern() + " formats " + mf.getFormats().length);
        Object[] parsed = mf.parse("alpha-beta:gamma");
        System.out.println("parse " + Arrays.toString(parsed));
        Object[] nums = new MessageFormat("{0,number,#}+{1,number,#}").parse("12+30");
        System.out.println("parse numbers " + Arrays.toString(nums) + " sum " + (((Number) nums[0]).longValue() + ((Number) nums[1]).longValue()));
        try {
            new MessageFormat("{0").format(new Object[] {1});
        } catch (IllegalArgumentException e) {
            System.out.println("unmatched brace: IllegalArgumentException");
        }
        try {
            new MessageFormat("{0,nosuchtype}");
        } catch (IllegalArgumentException e) {
            System.out.println("unknown type: IllegalArgumentException");
        }
        try {
            new MessageFormat("{0}").parse("");
        } catch (ParseException e) {
            System.out.println("parse empty: ParseException at " + e.getErrorOffset());
        }
        StringBuffer sb = new StringBuffer("prefix ");
        new MessageFormat("[{0}]").format(new Object[] {"x"}, sb, new FieldPosition(0));
        System.out.println(sb);
        String[] templates = {"{0} + {1} = {2}", "{2} = {1} + {0}", "{0}{0}{0}"};
        for (String t : templates) {
            System.out.println(MessageFormat.format(t, 1, 2, 3));
        }
    }
}
