/** new AssertionError(object) does not take a Throwable argument as its cause in an image. */
public class DiffAssertionErrorCause {
    public static void main(String[] args) {
        Throwable cause = new IllegalStateException("inner");
        System.out.println("AssertionError cause: " + (new AssertionError((Object) cause).getCause() == cause));
        System.out.println("end of DiffAssertionErrorCause");
    }
}
