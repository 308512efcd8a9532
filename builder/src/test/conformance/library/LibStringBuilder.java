/** StringBuilder: append of every type, insert, delete, replace, reverse with surrogates, setLength, setCharAt, searches, code points, chars(). */
public class LibStringBuilder {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        sb.append(1).append('c').append(2L).append(1.5f).append(2.25).append(true).append((String) null).append((Object) null).append(new char[] {'x', 'y'}).append("abcdef", 1, 3)
                .append(new char[] {'p', 'q', 'r'}, 1, 2).appendCodePoint(0x1F600).append(-0.0).append(Double.NaN);
        System.out.println(sb + " length=" + sb.length() + " codePoints=" + sb.codePointCount(0, sb.length()));
        StringBuilder s = new StringBuilder("hello world");
        s.insert(0, ">> ").insert(s.length(), '!').insert(8, 42).insert(3, new char[] {'[', ']'}).insert(0, 3.5).insert(1, false);
        System.out.println(s);
        s.delete(0, 9).deleteCharAt(0).replace(0, 5, "HELLO").replace(6, 100, "there");
        System.out.println(s + " indexOf(l)=" + s.indexOf("l") + " lastIndexOf(e)=" + s.lastIndexOf("e") + " indexOf(e,8)=" + s.indexOf("e", 8) + " lastIndexOf(L,2)=" + s.lastIndexOf("L", 2));
        s.setCharAt(0, 'J');
        s.setLength(5);
        System.out.println(s + " charAt(1)=" + s.charAt(1) + " substring(2)=" + s.substring(2) + " subSequence=" + s.subSequence(1, 3));
        StringBuilder r = new StringBuilder("ab\uD83D\uDE00cd\u00e9");
        System.out.println("reverse " + r.reverse() + " valid pair=" + Character.isSurrogatePair(r.charAt(3), r.charAt(4)));
        StringBuilder palin = new StringBuilder("A man a plan a canal Panama".replace(" ", "").toLowerCase());
        System.out.println("palindrome " + palin.toString().equals(new StringBuilder(palin).reverse().toString()));
        StringBuilder nums = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (!nums.isEmpty()) {
                nums.append(',');
            }
            nums.append(i * i);
        }
        System.out.println(nums + " chars sum " + nums.chars().filter(Character::isDigit).map(c -> c - '0').sum() + " codePointAt(0)=" + nums.codePointAt(0));
        System.out.println("compareTo " + new StringBuilder("abc").compareTo(new StringBuilder("abd")) + " contentEquals " + "abc".contentEquals(new StringBuilder("abc"))
                + " equals(identity) " + new StringBuilder("x").equals(new StringBuilder("x")));
        StringBuffer buf = new StringBuffer("sync");
        buf.append('-').append(99).insert(0, "[").append(']').reverse();
        System.out.println("StringBuffer " + buf + " " + buf.length());
        StringBuilder grow = new StringBuilder(2);
        for (int i = 0; i < 1000; i++) {
            grow.append((char) ('a' + i % 26));
        }
        System.out.println("grown " + grow.length() + " " + grow.substring(990) + " " + grow.toString().hashCode());
    }
}
