/** An array access out of bounds: ArrayIndexOutOfBoundsException without HotSpot's "Index 5 out of bounds for length 3". */
public class DiffArrayAccessMessage {
    public static void main(String[] args) {
        int[] a = new int[3];
        try {
            a[Integer.parseInt("5")] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("end of DiffArrayAccessMessage");
    }
}
