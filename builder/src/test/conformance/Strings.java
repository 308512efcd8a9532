public class Strings {
    public static void main(String[] args) {
        String s = "Hello, Kiln";
        System.out.println(s.length() + " " + s.toUpperCase() + " " + s.toLowerCase());
        System.out.println(s.substring(7) + "|" + s.indexOf("Kiln") + "|" + s.charAt(4) + "|" + s.replace('l', 'L'));
        System.out.println(String.join(",", "a", "b", "c") + " " + "  trim me ".trim() + "|" + " x ".strip() + "|");
        System.out.println("a,b,,c".split(",").length + " " + "abc".compareTo("abd") + " " + "ABC".equalsIgnoreCase("abc"));
        System.out.println("repeat".repeat(3) + " " + "".isEmpty() + " " + "  ".isBlank());
        System.out.println("héllo wörld ✓ 😀".length() + " " + "😀".codePointAt(0) + " " + "😀".codePointCount(0, 2));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(i).append(':');
        }
        sb.insert(0, "[").append(']').reverse();
        System.out.println(sb + " " + sb.length() + " " + sb.indexOf(":"));
        sb.setLength(5);
        sb.deleteCharAt(0).setCharAt(0, 'Z');
        System.out.println(sb);
        System.out.println(String.valueOf(3.5) + String.valueOf(true) + String.valueOf('c') + 42L + 1.5f);
        System.out.println("hash " + "Kiln".hashCode() + " " + "".hashCode() + " " + "abc".contains("bc"));
        System.out.println(Integer.toHexString(255) + " " + Integer.toBinaryString(10) + " " + Long.toString(-1234567890123L)
                + " " + Integer.parseInt("-42") + " " + Double.parseDouble("3.25") + " " + Integer.MAX_VALUE + " " + Long.MIN_VALUE);
        System.out.println(String.valueOf(new char[] {'x', 'y'}) + " " + "a-b-c".lastIndexOf('-') + " " + "Mississippi".replaceAll("ss", "SS"));
        char[] cs = "sorted".toCharArray();
        java.util.Arrays.sort(cs);
        System.out.println(new String(cs) + " " + "x".compareToIgnoreCase("X") + " " + "text".startsWith("te") + "text".endsWith("xt"));
        System.out.println(1.0 / 3 + " " + 100.0 + " " + 1e10 + " " + 1e-5 + " " + (float) 0.1 + " " + 123456789.0 + " " + Double.MAX_VALUE);
    }
}
