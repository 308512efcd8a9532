public class NullPointer {
    static String field;

    static int len(String s) {
        return s.length();
    }

    public static void main(String[] args) {
        try {
            System.out.println(len(field));
        } catch (NullPointerException e) {
            System.out.println("caught NPE from a call");
        }
        int[] arr = null;
        try {
            System.out.println(arr[0]);
        } catch (NullPointerException e) {
            System.out.println("caught NPE from an array");
        }
        Object o = null;
        try {
            o.hashCode();
        } catch (NullPointerException e) {
            System.out.println("caught NPE from a virtual call");
        }
        try {
            java.util.Objects.requireNonNull(null, "needed");
        } catch (NullPointerException e) {
            System.out.println("requireNonNull: " + e.getMessage());
        }
        try {
            throw new NullPointerException("explicit");
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("done");
    }
}
