/** Class.forName of a class the image does not have: ClassNotFoundException's message is the name on HotSpot. */
public class DiffForNameMessage {
    public static void main(String[] args) {
        try {
            Class.forName("NoSuchClassAnywhere");
            System.out.println("found");
        } catch (ClassNotFoundException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("end of DiffForNameMessage");
    }
}
