public class CatchLeavesLoop {
    static int steps;

    static void step() {
        if (++steps % 5 == 0) {
            throw new IllegalStateException("step " + steps);
        }
    }

    public static void main(String[] args) {
        try {
            while (true) {
                step();
            }
        } catch (IllegalStateException e) {
            System.out.println("left the loop: " + e.getMessage());
        }
        while (true) {
            try {
                step();
            } catch (IllegalStateException e) {
                System.out.println("break from catch: " + e.getMessage());
                break;
            }
        }
        System.out.println("done");
    }
}
