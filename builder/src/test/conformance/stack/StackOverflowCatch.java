/** A StackOverflowError is thrown, caught, and the program goes on: twice in a row in main. */
public class StackOverflowCatch {
    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    static long sumTo(long n) {
        return n == 0 ? 0 : n + sumTo(n - 1);
    }

    public static void main(String[] args) {
        for (int round = 1; round <= 2; round++) {
            depth = 0;
            try {
                recurse();
                System.out.println("round " + round + ": no error?");
            } catch (StackOverflowError e) {
                System.out.println("round " + round + ": caught " + e + ", message " + e.getMessage()
                        + ", deeper than 5000: " + (depth > 5000) + ", is a VirtualMachineError: "
                        + (e instanceof VirtualMachineError) + ", has a trace: " + (e.getStackTrace().length > 0));
            }
        }
        try {
            recurse();
        } catch (Error e) {
            System.out.println("caught as Error: " + e.getClass().getName());
        }
        System.out.println("the stack is usable again: sumTo(1000) = " + sumTo(1000));
    }
}
