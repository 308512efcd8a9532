package dev.kiln.engine.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label sets of one VM's series: name, id and image, and those with reason, kind or status
 * added. The client's Labels checks and sorts its names on every construction, and a scrape of
 * 1,000 VMs needs 15,000 of them; they change only when a VM's name, id or image does, so
 * {@link Cache} keeps them from one scrape to the next.
 */
final class VmLabels {
    static final List<String> EXIT_REASONS = List.of("io", "interrupt", "other");
    static final List<String> HYPERCALL_KINDS = List.of("console_write", "exit", "walltime", "yield", "abort", "net_notify");

    final String name, id, image;
    final Labels vm;
    private final Labels[] exits, hypercalls, health;

    private VmLabels(String name, String id, String image) {
        this.name = name;
        this.id = id;
        this.image = image;
        this.vm = Labels.of("name", name, "id", id, "image", image);
        this.exits = with("reason", EXIT_REASONS);
        this.hypercalls = with("kind", HYPERCALL_KINDS);
        this.health = with("status", VmMetricsCollector.HEALTH_STATES);
    }

    private Labels[] with(String label, List<String> values) {
        Labels[] out = new Labels[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = vm.add(label, values.get(i));
        return out;
    }

    /** The VM's labels with reason = {@code EXIT_REASONS.get(i)}. */
    Labels exit(int i) {
        return exits[i];
    }

    /** The VM's labels with kind = {@code HYPERCALL_KINDS.get(i)}. */
    Labels hypercall(int i) {
        return hypercalls[i];
    }

    /** The VM's labels with status = {@code HEALTH_STATES.get(i)}. */
    Labels health(int i) {
        return health[i];
    }

    private boolean of(String name, String id, String image) {
        return this.name.equals(name) && this.id.equals(id) && this.image.equals(image);
    }

    /**
     * The label sets of the VMs of the last scrape, by id. A scrape takes a VM's from here if its
     * name and image are unchanged (a renamed VM gets new ones) and keeps only the VMs it saw, so
     * removed VMs leave with the next scrape. Two scrapes at once each build their own map; the
     * last one stored wins, which costs at most a rebuild.
     */
    static final class Cache {
        private volatile Map<String, VmLabels> last = Map.of();

        /** A scrape's view: {@link #of} for each VM, then {@link Scrape#close} keeps what it saw. */
        Scrape scrape() {
            return new Scrape(last);
        }

        final class Scrape {
            private final Map<String, VmLabels> previous, seen = new HashMap<>();

            private Scrape(Map<String, VmLabels> previous) {
                this.previous = previous;
            }

            VmLabels of(String name, String id, String image) {
                VmLabels l = previous.get(id);
                if (l == null || !l.of(name, id, image)) l = new VmLabels(name, id, image);
                seen.put(id, l);
                return l;
            }

            void close() {
                last = seen;
            }
        }
    }
}
