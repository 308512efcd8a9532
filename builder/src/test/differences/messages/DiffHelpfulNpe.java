/** No helpful NullPointerException messages in an image ("Cannot invoke ... because ... is null" on HotSpot). */
public class DiffHelpfulNpe {
    static String nothing() {
        return null;
    }

    public static void main(String[] args) {
        try {
            System.out.println(nothing().length());
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("end of DiffHelpfulNpe");
    }
}
