/**
 * TeaVM's optimizer removes an array load whose value is never used together with its bounds
 * check, so the loop that runs one past the end throws on HotSpot and not in an image.
 */
public class DiffDeadArrayAccess {
    public static void main(String[] args) {
        int[] a = new int[3 + args.length];
        try {
            int s = 0;
            for (int i = 0; i <= a.length; i++) {
                s += a[i];
            }
            System.out.println("no exception");
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("caught: " + e.getMessage());
        }
        System.out.println("end of DiffDeadArrayAccess");
    }
}
