import java.util.*;

public class GcPressure {
    public static void main(String[] args) {
        // Allocates about 2 GB in total while keeping at most ~8 MB alive: the GC must reclaim
        // garbage again and again inside a 64 MB heap.
        long allocated = 0;
        List<byte[]> window = new ArrayList<>();
        long checksum = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[10_000];
            b[i % b.length] = (byte) i;
            allocated += b.length;
            window.add(b);
            if (window.size() > 800) {
                byte[] old = window.remove(0);
                checksum += old[(i - 800) % old.length];
            }
        }
        System.out.println("allocated MB: " + allocated / 1_000_000 + " live arrays: " + window.size() + " checksum: " + checksum);
        Map<Integer, String> map = new HashMap<>();
        for (int round = 0; round < 20; round++) {
            map.clear();
            for (int i = 0; i < 20_000; i++) {
                map.put(i, "value-" + i + "-" + round);
            }
        }
        System.out.println("map " + map.size() + " " + map.get(19_999));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 10);
            if (sb.length() > 1000) {
                sb.setLength(0);
            }
        }
        System.out.println("string builder " + sb.length());
    }
}
