package dev.kiln.engine.api;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a VM, one line of GET /v1/events. Actions, as Docker names them:
 * create, start, die (a run ended; attributes exitCode, exit), kill, stop, restart (the policy
 * starts it again; attributes restartCount, delayMs), destroy (removed), health_status (attribute
 * health: healthy or unhealthy), plus daemon_start for the daemon itself.
 *
 * @param seq the daemon's event number, from 1 at its start
 */
public record Event(long seq, Instant time, String action, String id, String name, Map<String, String> attributes) {
    public Event {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
