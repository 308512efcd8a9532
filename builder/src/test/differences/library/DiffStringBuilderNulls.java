/** StringBuilder.setLength growing fills with '\0' on HotSpot (an image brings the old characters back); append((CharSequence) null) appends "null". */
public class DiffStringBuilderNulls {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder("hello");
        sb.setLength(2);
        sb.setLength(4);
        System.out.println(sb.toString().replace('\0', '0'));
        try {
            System.out.println(new StringBuilder("a").append((CharSequence) null));
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
        System.out.println("end of DiffStringBuilderNulls");
    }
}
