/** Stack frames of JDK code: HotSpot names the module (java.base/) and its own line numbers; a thread's trace ends in Thread.runWith. */
public class DiffJdkFrames {
    public static void main(String[] args) throws Exception {
        try {
            Integer.parseInt("not a number");
        } catch (NumberFormatException e) {
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println(top);
        }
        Thread t = new Thread(() -> {
            StackTraceElement[] trace = new Throwable().getStackTrace();
            System.out.println(trace[trace.length - 1].getMethodName());
        });
        t.start();
        t.join();
        System.out.println("end of DiffJdkFrames");
    }
}
