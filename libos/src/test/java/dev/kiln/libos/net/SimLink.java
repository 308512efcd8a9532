package dev.kiln.libos.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Two stacks joined by a simulated Ethernet link on a fake clock: deterministic, for the
 * state-machine tests. Optional loss, reordering and a propagation delay, all seeded.
 */
final class SimLink {
    final class FakeClock implements Clock {
        long t = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return t;
        }
    }

    private record Frame(byte[] data, long at, int to) {}

    final FakeClock clock = new FakeClock();
    final NetStack a;
    final NetStack b;
    private final List<Frame> inFlight = new ArrayList<>();
    private final Random random;
    double loss;
    double reorder;
    long delay = 100_000L; // 100 us
    final List<byte[]> tapped = new ArrayList<>();
    boolean tap;

    SimLink(NetConfig ca, NetConfig cb, long seed) {
        random = new Random(seed);
        a = new NetStack(ca, clock, (f, o, l) -> queue(f, o, l, 1));
        b = new NetStack(cb, clock, (f, o, l) -> queue(f, o, l, 0));
    }

    static NetConfig config(int host) {
        NetConfig c = NetConfig.staticIp(0x020000000000L | host, Ipv4Address.of(10, 0, 0, host), 24, 0);
        c.randomSeed = host * 7919L;
        return c;
    }

    private void queue(byte[] f, int o, int l, int to) {
        byte[] copy = new byte[l];
        System.arraycopy(f, o, copy, 0, l);
        if (tap) {
            tapped.add(copy);
        }
        if (loss > 0 && random.nextDouble() < loss) {
            return;
        }
        long at = clock.t + delay;
        if (reorder > 0 && random.nextDouble() < reorder) {
            at += delay * 3;
        }
        inFlight.add(new Frame(copy, at, to));
    }

    /** Runs until cond holds or maxNanos of simulated time pass; returns cond. */
    boolean runUntil(BooleanSupplier cond, long maxNanos) {
        long end = clock.t + maxNanos;
        while (!cond.getAsBoolean()) {
            long next = Math.min(a.nextDeadline(), b.nextDeadline());
            for (Frame f : inFlight) {
                next = Math.min(next, f.at);
            }
            if (next == Long.MAX_VALUE || next > end) {
                clock.t = end;
                a.poll(clock.t);
                b.poll(clock.t);
                return cond.getAsBoolean();
            }
            if (next > clock.t) {
                clock.t = next;
            }
            ArrayDeque<Frame> due = new ArrayDeque<>();
            inFlight.removeIf(f -> {
                if (f.at <= clock.t) {
                    due.add(f);
                    return true;
                }
                return false;
            });
            for (Frame f : due) {
                (f.to == 0 ? a : b).receive(f.data, f.data.length);
            }
            a.poll(clock.t);
            b.poll(clock.t);
            if (stepHook != null) {
                stepHook.run();
            }
        }
        return true;
    }

    Runnable stepHook;
}
