/** equalsIgnoreCase compares the case-folded letters on HotSpot (micro sign and Greek Mu, dotless i and I). */
public class DiffCaseFolding {
    public static void main(String[] args) {
        System.out.println("\u00b5 vs \u039c " + "\u00b5".equalsIgnoreCase("\u039c"));
        System.out.println("I vs \u0131 " + "I".equalsIgnoreCase("\u0131"));
        System.out.println("end of DiffCaseFolding");
    }
}
