import java.math.BigInteger;

/** Recursions HotSpot finishes with its default stacks finish here too (main and another thread). */
public class StackDeepRecursion {
    static BigInteger factorial(int n) {
        return n <= 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(factorial(n - 1));
    }

    static int length(Node n) {
        return n == null ? 0 : 1 + length(n.next);
    }

    record Node(int value, Node next) {
    }

    public static void main(String[] args) throws Exception {
        BigInteger f = factorial(5000);
        System.out.println("5000! has " + f.bitLength() + " bits, ends with " + f.mod(BigInteger.valueOf(1_000_003)));
        Node list = null;
        for (int i = 0; i < 8000; i++) {
            list = new Node(i, list);
        }
        System.out.println("list of " + length(list));
        Node shared = list;
        String[] out = new String[1];
        Thread t = new Thread(() -> out[0] = "in a thread: 3000! has " + factorial(3000).bitLength() + " bits, list of "
                + length(shared));
        t.start();
        t.join();
        System.out.println(out[0]);
    }
}
