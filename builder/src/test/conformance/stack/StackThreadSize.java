/**
 * new Thread(group, runnable, name, stackSize): the size is honoured. A recursion that overflows
 * a small stack finishes in a thread given a large one; the group is main's.
 */
public class StackThreadSize {
    static int depth;

    static int deep(int n) {
        depth++;
        return n == 0 ? 0 : 1 + deep(n - 1);
    }

    static String attempt(int n) {
        depth = 0;
        try {
            return "finished " + deep(n);
        } catch (StackOverflowError e) {
            return "overflowed";
        }
    }

    public static void main(String[] args) throws Exception {
        String[] small = new String[1];
        String[] large = new String[1];
        Thread a = new Thread(null, () -> small[0] = attempt(60_000), "small", 256 << 10);
        a.start();
        a.join();
        Thread b = new Thread(null, () -> large[0] = attempt(60_000), "large", 64L << 20);
        b.start();
        b.join();
        System.out.println(a.getName() + ": " + small[0]);
        System.out.println(b.getName() + ": " + large[0]);
        ThreadGroup main = Thread.currentThread().getThreadGroup();
        System.out.println("main's group: " + main.getName() + ", its parent: " + main.getParent().getName());
        ThreadGroup mine = new ThreadGroup("mine");
        Thread c = new Thread(mine, () -> { }, "c");
        System.out.println(c.getName() + " in " + c.getThreadGroup().getName() + ", max priority "
                + mine.getMaxPriority());
    }
}
