public class ExitStatus {
    public static void main(String[] args) {
        System.out.println("about to exit with 3");
        System.out.print("unterminated line is flushed");
        System.exit(3);
        System.out.println("never printed");
    }
}
