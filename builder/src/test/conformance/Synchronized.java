public class Synchronized {
    private int count;
    private static final Object LOCK = new Object();
    private static long total;

    synchronized void increment() {
        int c = count;
        Thread.yield();
        count = c + 1;
    }

    public static void main(String[] args) throws InterruptedException {
        Synchronized s = new Synchronized();
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int j = 0; j < 250; j++) {
                    s.increment();
                    synchronized (LOCK) {
                        long t = total;
                        Thread.yield();
                        total = t + 2;
                    }
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("count=" + s.count + " total=" + total);
        synchronized (LOCK) {
            synchronized (LOCK) {
                System.out.println("reentrant lock ok");
            }
        }
        StringBuffer sb = new StringBuffer();
        sb.append("sync").append("buffer");
        System.out.println(sb);
    }
}
