/** A virtual thread's toString has no carrier thread in an image ("@ForkJoinPool-1-worker-1" on HotSpot). */
public class DiffVirtualThreadName {
    public static void main(String[] args) throws Exception {
        Thread t = Thread.ofVirtual().start(() -> System.out.println(Thread.currentThread().toString()
                .replaceAll("#\\d+", "#N").replaceAll("worker-\\d+", "worker-N")));
        t.join();
        System.out.println("end of DiffVirtualThreadName");
    }
}
