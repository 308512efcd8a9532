package dev.kiln.engine.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order services start in: every service after those it depends on, otherwise the file's
 * order (down goes the other way). One depth-first walk, linear in services and edges, so a
 * hostile file of many interlinked services costs no more than its size.
 */
public final class DependencyOrder {
    /** A cycle of depends_on, as a -> b -> a. */
    public record Cycle(List<String> path) {}

    private enum Mark { VISITING, DONE }

    private DependencyOrder() {}

    /** The services in start order; the file must have no cycle (the parser checked). */
    public static List<Service> startOrder(ComposeFile compose) {
        List<Service> order = new ArrayList<>();
        if (walk(compose, order) != null) throw new IllegalStateException("a dependency cycle");
        return order;
    }

    static Cycle findCycle(ComposeFile compose) {
        return walk(compose, new ArrayList<>());
    }

    private static Cycle walk(ComposeFile compose, List<Service> order) {
        Map<String, Mark> marks = new HashMap<>();
        List<String> stack = new ArrayList<>();
        for (Service s : compose.services()) {
            Cycle c = visit(compose, s, marks, stack, order);
            if (c != null) return c;
        }
        return null;
    }

    private static Cycle visit(ComposeFile compose, Service s, Map<String, Mark> marks, List<String> stack, List<Service> order) {
        Mark m = marks.get(s.name());
        if (m == Mark.DONE) return null;
        if (m == Mark.VISITING) {
            List<String> path = new ArrayList<>(stack.subList(stack.indexOf(s.name()), stack.size()));
            path.add(s.name());
            return new Cycle(path);
        }
        marks.put(s.name(), Mark.VISITING);
        stack.add(s.name());
        for (String dep : s.dependsOn().keySet()) {
            Service d = compose.service(dep);
            if (d == null) continue; // reported by the checks before
            Cycle c = visit(compose, d, marks, stack, order);
            if (c != null) return c;
        }
        stack.remove(stack.size() - 1);
        marks.put(s.name(), Mark.DONE);
        order.add(s);
        return null;
    }
}
