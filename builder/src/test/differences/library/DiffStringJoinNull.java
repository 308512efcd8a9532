import java.util.Arrays;

/** String.join of a null element: "x-null" on HotSpot. */
public class DiffStringJoinNull {
    public static void main(String[] args) {
        try {
            System.out.println(String.join("-", Arrays.asList("x", null)));
            System.out.println(String.join("-", "y", null));
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
        System.out.println("end of DiffStringJoinNull");
    }
}
