/** ClassCastException's text is not HotSpot's sentence about classes, modules and loaders. */
public class DiffClassCastMessage {
    public static void main(String[] args) {
        Object o = Integer.valueOf(1);
        try {
            System.out.println(((String) o).length());
        } catch (ClassCastException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("end of DiffClassCastMessage");
    }
}
