/** The jvm flavor's hello world: an ordinary Java program, sealed into a Linux microVM by kiln. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello from a Kiln jvm microVM, Java " + Runtime.version().feature() + "!");
    }
}
