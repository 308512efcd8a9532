/**
 * Text after the last newline reaches the console when the program ends: the JVM writes it out
 * at exit. Here the program ends when its last thread does, after main returned.
 */
public class UnterminatedOutput {
    public static void main(String[] args) throws Exception {
        System.out.println("a line");
        System.out.print("main's text without a newline;");
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.print(" the last thread's, also without one");
        });
        t.start();
    }
}
