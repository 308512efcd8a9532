package dev.kiln.engine.api;

/**
 * The API's routes, written once for the daemon's router and the client; docs/api/openapi.yaml
 * describes the same set, and a test holds the three together. {ref} is a VM's name, id or a
 * unique prefix of its id. Every route starts with the API version but {@link #METRICS}, where
 * Prometheus looks by convention (its format has a version of its own, in its Content-Type).
 */
public final class ApiPaths {
    /** The API version: every route starts with it. */
    public static final String VERSION = "v1";
    public static final String INFO = "/v1/info";
    public static final String VMS = "/v1/vms";
    public static final String VM = "/v1/vms/{ref}";
    public static final String VM_START = "/v1/vms/{ref}/start";
    public static final String VM_STOP = "/v1/vms/{ref}/stop";
    public static final String VM_KILL = "/v1/vms/{ref}/kill";
    public static final String VM_RESTART = "/v1/vms/{ref}/restart";
    public static final String VM_WAIT = "/v1/vms/{ref}/wait";
    public static final String VM_LOGS = "/v1/vms/{ref}/logs";
    public static final String VM_DEBUG = "/v1/vms/{ref}/debug";
    /** The Java stack of every green thread of a running native VM (kiln stack). */
    public static final String VM_STACK = "/v1/vms/{ref}/stack";
    /** An ELF core file of a running native VM, written in its state directory (kiln dump). */
    public static final String VM_DUMP = "/v1/vms/{ref}/dump";
    public static final String VM_PROFILE = "/v1/vms/{ref}/profile";
    public static final String EVENTS = "/v1/events";
    /**
     * Every running VM's cumulative figures (vCPU time, memory, net bytes, exits, GC pause) and
     * the daemon's monotonic time of the reading; `kiln stats` and `kiln top` make rates of two.
     * Not under /v1/vms/, where it would shadow a VM named "stats".
     */
    public static final String STATS = "/v1/stats";
    /** Prometheus' text exposition of every VM (docs/observability.md, "Metrics"). */
    public static final String METRICS = "/metrics";

    private ApiPaths() {}

    /** A route with its {ref} filled in (URL-encoded). */
    public static String vm(String template, String ref) {
        return template.replace("{ref}", java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8));
    }
}
