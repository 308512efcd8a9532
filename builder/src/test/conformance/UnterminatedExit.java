/** Text after the last newline reaches the console on System.exit too, from System.out and System.err. */
public class UnterminatedExit {
    public static void main(String[] args) {
        System.out.print("out without a newline;");
        System.out.flush(); // one console, two streams: HotSpot's order is only defined after a flush
        System.err.print(" err without one");
        System.exit(5);
    }
}
