public class UncaughtException {
    static void fail(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("deliberate failure");
        }
        fail(depth - 1);
    }

    public static void main(String[] args) {
        System.out.println("before the failure");
        fail(3);
        System.out.println("never printed");
    }
}
