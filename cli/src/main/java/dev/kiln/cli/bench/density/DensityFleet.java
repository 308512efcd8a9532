package dev.kiln.cli.bench.density;

import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.RestartPolicy;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.client.KilnClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's VMs, driven through the daemon's API as `kiln run -d` and `kiln rm -f` drive
 * them: N VMs of one image named density-1..N, each on the daemon's bridge through a project
 * network of their own ("density": an address from the pool and a tap, and no published port,
 * so no relay thread), created and started a few requests at a time.
 */
public final class DensityFleet {
    /** The project network the VMs join: it gives each its bridge address, nothing else. */
    static final String NETWORK = "density";
    private static final Pattern GUEST_ADDRESS = Pattern.compile("^guest (\\d+\\.\\d+\\.\\d+\\.\\d+)/");
    private final KilnClient client;
    private final int parallel;

    public DensityFleet(KilnClient client, int parallel) {
        this.client = client;
        this.parallel = parallel;
    }

    public static String name(int i) {
        return "density-" + i;
    }

    /**
     * Creates and starts density-1..n from image; returns once every start answered (a start
     * answers once the guest runs). The first failure stops the others and is thrown.
     *
     * @param started called with the count started so far, after each start
     */
    public void startAll(String image, int n, IntConsumer started) throws Exception {
        AtomicInteger count = new AtomicInteger();
        forEach(n, i -> {
            client.create(new CreateRequest(name(i), image, List.of(), List.of(), null, List.of(), RestartPolicy.NO, null,
                    NETWORK, List.of()));
            client.start(name(i));
            started.accept(count.incrementAndGet());
        });
    }

    /** Each VM's address on the bridge, from its inspect (the network line "guest A.B.C.D/P,GATEWAY ..."). */
    public List<InetAddress> addresses(int n) throws UnknownHostException {
        List<InetAddress> all = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            VmDetails d = client.inspect(name(i));
            Matcher m = d.network() == null ? null : GUEST_ADDRESS.matcher(d.network());
            if (m == null || !m.find()) throw new IllegalStateException(name(i) + " has no address on the bridge: " + d.network());
            all.add(InetAddress.getByName(m.group(1)));
        }
        return all;
    }

    /** Removes density-1..n (rm -f: killed if running); a VM that does not exist is skipped. */
    public void removeAll(int n, IntConsumer removed) throws Exception {
        AtomicInteger count = new AtomicInteger();
        forEach(n, i -> {
            try {
                client.remove(name(i), true);
            } catch (dev.kiln.engine.client.ApiException e) {
                if (e.status() != 404) throw e;
            }
            removed.accept(count.incrementAndGet());
        });
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    /** Runs step for 1..n, `parallel` at a time, in order of i; the first failure cancels the rest and is thrown. */
    private void forEach(int n, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofPlatform().name("density-api-", 0).daemon().factory());
        try {
            AtomicInteger next = new AtomicInteger(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < parallel; w++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) <= n; ) step.run(i);
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    next.set(n + 1); // the others stop at their next VM
                    if (e.getCause() instanceof Exception ex) throw ex;
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
