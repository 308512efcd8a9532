/** An exception from a static initializer reaches the caller as itself in an image, not wrapped in ExceptionInInitializerError; a second use does not throw NoClassDefFoundError. */
public class DiffStaticInitError {
    static class Broken {
        static final int VALUE = Integer.parseInt("broken");
    }

    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println(Broken.VALUE);
            } catch (Throwable t) {
                System.out.println(t.getClass().getName());
            }
        }
        System.out.println("end of DiffStaticInitError");
    }
}
