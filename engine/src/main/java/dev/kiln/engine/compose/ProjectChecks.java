package dev.kiln.engine.compose;

import java.util.HashMap;
import java.util.Map;

/** What only the whole file can tell: dependencies that exist and make no cycle, host ports published once. */
final class ProjectChecks {
    private ProjectChecks() {}

    /** @param at each service's node, for the lines of messages */
    static void check(ComposeFile compose, Map<String, YamlValue> at) {
        Map<Integer, String> hostPorts = new HashMap<>();
        for (Service s : compose.services()) {
            YamlValue def = at.get(s.name());
            Map<String, YamlValue> keys = def.mapping(null);
            for (var d : s.dependsOn().entrySet()) {
                Service other = compose.service(d.getKey());
                YamlValue where = keys.get("depends_on");
                if (other == null) throw where.error("no service " + dev.kiln.image.UntrustedText.quote(d.getKey()) + " in this file");
                if (d.getValue() == Service.Condition.SERVICE_HEALTHY && other.health() == null) {
                    throw where.error(d.getKey() + " with condition service_healthy, but " + d.getKey() + " has no healthcheck");
                }
            }
            if (!s.ports().isEmpty() && s.replicas() > 1) {
                throw keys.get("ports").error(s.replicas() + " replicas cannot all publish host port " + s.ports().get(0).hostPort());
            }
            for (var p : s.ports()) {
                String holder = hostPorts.putIfAbsent(p.hostPort(), s.name());
                if (holder != null) {
                    throw keys.get("ports").error("host port " + p.hostPort() + " is already published by "
                            + (holder.equals(s.name()) ? "this service" : "service " + holder));
                }
            }
        }
        DependencyOrder.Cycle cycle = DependencyOrder.findCycle(compose);
        if (cycle != null) {
            throw at.get(cycle.path().get(0)).mapping(null).get("depends_on").error("a dependency cycle: " + shown(cycle.path()));
        }
    }

    /** The cycle as a -> b -> a, its middle left out when it is long (one line stays short). */
    private static String shown(java.util.List<String> cycle) {
        if (cycle.size() <= 5) return String.join(" -> ", cycle);
        return String.join(" -> ", cycle.subList(0, 3)) + " -> ... (" + (cycle.size() - 5) + " more) -> "
                + String.join(" -> ", cycle.subList(cycle.size() - 2, cycle.size()));
    }
}
