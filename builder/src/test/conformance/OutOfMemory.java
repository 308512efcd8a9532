import java.util.*;

public class OutOfMemory {
    public static void main(String[] args) {
        List<long[]> hoard = new ArrayList<>();
        try {
            while (true) {
                hoard.add(new long[1 << 17]); // 1 MiB each, all kept alive
            }
        } catch (OutOfMemoryError e) {
            int n = hoard.size();
            hoard = null;
            System.out.println("OutOfMemoryError caught after more than 10 MiB: " + (n > 10));
        }
        List<Object> small = new ArrayList<>();
        boolean caught = false;
        try {
            while (true) {
                small.add(new int[64]);
            }
        } catch (OutOfMemoryError e) {
            small = null;
            caught = true;
        }
        System.out.println("small objects: OutOfMemoryError caught: " + caught);
        int[] after = new int[1000];
        after[999] = 1;
        System.out.println("allocation works again: " + after[999]);
        List<long[]> again = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            again.add(new long[1 << 17]);
        }
        System.out.println("8 MiB allocated again: " + again.size());
    }
}
