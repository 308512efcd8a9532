import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/** Tiered Phasers: children count as one party of their parent, and the whole tree advances together. */
public class ConcPhaserTiers {
    public static void main(String[] args) throws Exception {
        AtomicInteger advances = new AtomicInteger();
        Phaser root = new Phaser() {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                advances.incrementAndGet();
                return phase >= 2 || registeredParties == 0;
            }
        };
        Phaser left = new Phaser(root, 2);
        Phaser right = new Phaser(root);
        System.out.println("root parties " + root.getRegisteredParties() + ", left " + left.getRegisteredParties()
                + ", right " + right.getRegisteredParties());
        right.bulkRegister(2);
        System.out.println("after right registers 2: root parties " + root.getRegisteredParties());
        System.out.println("parent " + (left.getParent() == root) + " root " + (right.getRoot() == root)
                + " root's parent " + root.getParent());

        List<Thread> threads = new ArrayList<>();
        int[] sums = new int[4];
        for (int i = 0; i < 4; i++) {
            Phaser mine = i < 2 ? left : right;
            int me = i;
            threads.add(new Thread(() -> {
                int phase = 0;
                while (!mine.isTerminated()) {
                    sums[me] += phase;
                    phase = mine.arriveAndAwaitAdvance();
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("advances " + advances.get() + ", terminated " + root.isTerminated() + " " + left.isTerminated()
                + " " + right.isTerminated() + ", sums " + java.util.Arrays.toString(sums));
        System.out.println("phase after termination negative: " + (left.getPhase() < 0));

        // a child whose parties all leave deregisters from its parent
        Phaser top = new Phaser(1);
        Phaser child = new Phaser(top, 1);
        System.out.println("top parties " + top.getRegisteredParties());
        int p = child.arriveAndDeregister();
        System.out.println("child arrived and left at phase " + p + ": top parties " + top.getRegisteredParties()
                + ", top unarrived " + top.getUnarrivedParties() + ", phase " + top.getPhase());
        top.arrive();
        System.out.println("top arrived: phase " + top.getPhase() + ", child phase " + child.getPhase());

        // arrive() on a child does not wait; the tree advances when the last party of the last child arrives
        Phaser r = new Phaser();
        Phaser a = new Phaser(r, 1);
        Phaser b = new Phaser(r, 1);
        System.out.println("arrive a -> " + a.arrive() + ", root phase " + r.getPhase() + ", root arrived " + r.getArrivedParties());
        System.out.println("arrive b -> " + b.arrive() + ", root phase " + r.getPhase() + ", a phase " + a.getPhase()
                + ", a unarrived " + a.getUnarrivedParties());
        System.out.println("awaitAdvance(0) -> " + a.awaitAdvance(0));
    }
}
