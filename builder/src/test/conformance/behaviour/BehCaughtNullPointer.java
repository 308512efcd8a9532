/**
 * A NullPointerException thrown by the image's implicit null checks, caught and used through its
 * virtual methods (getStackTrace, printStackTrace, toString's class part): the image jumped to
 * address 0, since TeaVM's analysis never saw the C check's exception reach the catch.
 * The message is left out: HotSpot's is the helpful one (a known difference, DiffHelpfulNpe).
 */
public class BehCaughtNullPointer {
    static Object maybe(int n) {
        return n > 5 ? "x" : null;
    }

    static int[] maybeArray(int n) {
        return n > 5 ? new int[1] : null;
    }

    public static void main(String[] args) {
        Object o = maybe(args.length);
        try {
            System.out.println(o.hashCode());
        } catch (NullPointerException e) {
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println("call: " + e.getClass().getName() + " at " + top.getMethodName() + ":" + top.getLineNumber());
            java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            System.out.println("trace starts with the class: " + w.toString().startsWith("java.lang.NullPointerException"));
        }
        try {
            System.out.println(maybeArray(args.length).length);
        } catch (RuntimeException e) {
            System.out.println("array: " + e.getClass().getSimpleName() + " " + e.getStackTrace()[0].getMethodName());
        }
        try {
            synchronized (o) {
                System.out.println("locked");
            }
        } catch (Exception e) {
            System.out.println("monitor: " + e.getClass().getName() + " cause " + e.getCause());
        }
        System.out.println("still going");
    }
}
