package dev.kiln.engine.compose;

import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.Labels;
import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.RestartPolicy;
import dev.kiln.image.UntrustedText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a Compose Specification file into a {@link ComposeFile}: SnakeYAML Engine builds the
 * node tree (with the line of every node), this class reads the part of the specification
 * Kiln supports and refuses everything else with the key's line. The file is untrusted: its
 * size, nesting and aliases are bounded before anything is built from it.
 */
public final class ComposeParser {
    /** Bounds on a hostile file: a compose file is a few KiB and nests about six deep. */
    static final int MAX_BYTES = 1 << 20, MAX_DEPTH = 32, MAX_ALIASES = 32, MAX_SERVICES = 256, MAX_REPLICAS = 100;
    /** Kiln's labels on a project's VMs; a user's labels may not use the prefix. */
    public static final String LABEL_PREFIX = "dev.kiln.compose.";
    private static final Set<String> TOP = Set.of("services", "name", "version");
    private static final Set<String> SERVICE = Set.of("image", "build", "command", "environment", "ports", "restart",
            "depends_on", "healthcheck", "mem_limit", "deploy", "labels");
    private static final Set<String> HEALTH = Set.of("test", "interval", "timeout", "retries", "start_period", "disable");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern ENV_KEY = Pattern.compile("[^=\\x00]{1,256}");

    private ComposeParser() {}

    /** @param shown the file's name as messages show it (as the user gave it) */
    public static ComposeFile parse(Path file, String shown) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new ComposeException(shown + ": larger than " + (MAX_BYTES >> 20) + " MiB");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ComposeException(shown + ": cannot read it: " + e.getMessage());
        }
        return parse(bytes, file.toAbsolutePath().normalize(), shown);
    }

    /**
     * A compose file's bytes (the fuzz target's entry too).
     *
     * @param file where it is, for its relative paths
     * @param shown its name as messages show it
     */
    public static ComposeFile parse(byte[] bytes, Path file, String shown) {
        if (bytes.length > MAX_BYTES) throw new ComposeException(shown + ": larger than " + (MAX_BYTES >> 20) + " MiB");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ComposeException(shown + ": not UTF-8 text");
        }
        LoadSettings settings = LoadSettings.builder().setLabel(shown).setUseMarks(true).setSchema(new CoreSchema())
                .setCodePointLimit(MAX_BYTES).setMaxAliasesForCollections(MAX_ALIASES).setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false).build();
        Node root;
        try {
            checkShape(text, settings, shown);
            Optional<Node> doc = new Compose(settings).composeString(text);
            if (doc.isEmpty()) throw new ComposeException(shown + ": empty: a compose file needs services");
            root = doc.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> at = e.getProblemMark().or(e::getContextMark);
            throw new ComposeException(shown + ":" + at.map(m -> m.getLine() + 1 + "").orElse("?") + ": not valid YAML: "
                    + UntrustedText.printable(String.valueOf(e.getProblem() == null ? e.getContext() : e.getProblem())));
        } catch (YamlEngineException e) {
            if (String.valueOf(e.getMessage()).startsWith("Number of aliases for non-scalar nodes exceeds")) {
                throw new ComposeException(shown + ": refused: more than " + MAX_ALIASES
                        + " aliases of lists or mappings (Kiln's bound against alias bombs)");
            }
            throw new ComposeException(shown + ": not a YAML file Kiln reads: " + UntrustedText.printable(String.valueOf(e.getMessage())));
        }
        return read(new YamlValue(shown, "", root), file);
    }

    /**
     * A first pass over the parser's events (a loop, no recursion) that refuses deep nesting and
     * several documents before the composer (which recurses) builds anything.
     */
    private static void checkShape(String text, LoadSettings settings, String shown) {
        int depth = 0, documents = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new ComposeException(shown + ":" + e.getStartMark().map(m -> m.getLine() + 1 + "").orElse("?")
                                + ": nested more than " + MAX_DEPTH + " levels deep");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case DocumentStart -> {
                    if (++documents > 1) {
                        throw new ComposeException(shown + ":" + e.getStartMark().map(m -> m.getLine() + 1 + "").orElse("?")
                                + ": a second YAML document; a compose file is one");
                    }
                }
                default -> { }
            }
        }
    }

    private static ComposeFile read(YamlValue root, Path file) {
        if (!root.isMapping()) throw root.error("expected a mapping with services, found " + root.kind());
        Map<String, YamlValue> top = root.mapping(TOP);
        String name = null;
        if (top.containsKey("name")) {
            name = top.get("name").text();
            try {
                ComposeProject.checkName(name);
            } catch (IllegalArgumentException ex) {
                throw top.get("name").error(ex.getMessage());
            }
        }
        if (top.containsKey("version")) top.get("version").string(); // obsolete, as in Compose: read and ignored
        YamlValue servicesAt = top.get("services");
        if (servicesAt == null) throw new ComposeException(root.file() + ":" + root.line() + ": no services");
        Map<String, YamlValue> services = servicesAt.mapping();
        if (services.isEmpty()) throw servicesAt.error("no services");
        if (services.size() > MAX_SERVICES) throw servicesAt.error("more than " + MAX_SERVICES + " services");
        List<Service> out = new ArrayList<>();
        for (var e : services.entrySet()) out.add(service(e.getKey(), e.getValue(), file.getParent()));
        ComposeFile compose = new ComposeFile(file, name, out);
        ProjectChecks.check(compose, services);
        return compose;
    }

    private static Service service(String name, YamlValue at, Path dir) {
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw at.error("a service name must be a host name (1 to 63 letters, digits and '-', not at either end):"
                    + " the other services reach it by that name");
        }
        Map<String, YamlValue> m = at.mapping(SERVICE);
        Path image = null, build = null;
        if (m.containsKey("image") && m.containsKey("build")) {
            throw m.get("build").error("give image (a Kiln image file) or build (a directory kiln build accepts), not both");
        }
        if (m.containsKey("image")) {
            image = dir.resolve(m.get("image").text()).normalize();
        } else if (m.containsKey("build")) {
            YamlValue b = m.get("build");
            YamlValue context = b.isMapping() ? b.mapping(Set.of("context")).get("context") : b;
            if (context == null) throw b.error("build needs a context (the directory kiln build takes)");
            build = dir.resolve(context.text()).normalize();
        } else {
            throw at.error("no image and no build: give a Kiln image file or a directory to build");
        }
        List<String> command = null;
        if (m.containsKey("command")) {
            YamlValue c = m.get("command");
            command = new ArrayList<>();
            if (c.isSequence()) {
                for (YamlValue w : c.sequence()) command.add(w.string());
            } else {
                command = ComposeValues.words(c);
            }
        }
        List<String> env = m.containsKey("environment") ? environment(m.get("environment")) : List.of();
        List<PortMapping> ports = new ArrayList<>();
        if (m.containsKey("ports")) {
            for (YamlValue p : m.get("ports").sequence()) ports.add(ComposeValues.port(p));
        }
        RestartPolicy restart = null;
        if (m.containsKey("restart")) {
            try {
                restart = RestartPolicy.parse(m.get("restart").text());
            } catch (IllegalArgumentException e) {
                throw m.get("restart").error(e.getMessage());
            }
        }
        Map<String, Service.Condition> dependsOn = m.containsKey("depends_on") ? dependsOn(m.get("depends_on")) : Map.of();
        HealthCheck health = m.containsKey("healthcheck") ? health(m.get("healthcheck")) : null;
        Integer memoryMb = m.containsKey("mem_limit") ? ComposeValues.mebibytes(m.get("mem_limit"), CreateRequest.MAX_MEMORY_MB) : null;
        int replicas = 1;
        if (m.containsKey("deploy")) {
            YamlValue r = m.get("deploy").mapping(Set.of("replicas")).get("replicas");
            if (r != null) replicas = r.integer(0, MAX_REPLICAS);
        }
        Map<String, String> labels = m.containsKey("labels") ? labels(m.get("labels")) : Map.of();
        int sourceLine = m.containsKey("image") ? m.get("image").line() : m.get("build").line();
        return new Service(name, at.line(), sourceLine, image, build, command, env, ports, restart, dependsOn, health, memoryMb, replicas, labels);
    }

    /** A mapping KEY: VALUE or a list of KEY=VALUE; a KEY without a value is refused (no shell to take it from). */
    private static List<String> environment(YamlValue at) {
        List<String> out = new ArrayList<>();
        for (var e : pairs(at, "environment").entrySet()) out.add(e.getKey() + "=" + e.getValue());
        return out;
    }

    private static Map<String, String> labels(YamlValue at) {
        Map<String, String> labels = pairs(at, "label");
        for (String k : labels.keySet()) {
            if (k.startsWith(LABEL_PREFIX)) throw at.error("label " + UntrustedText.quote(k) + ": the prefix " + LABEL_PREFIX + " is Kiln's own");
        }
        try {
            return Labels.checked(labels);
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
    }

    private static Map<String, String> pairs(YamlValue at, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (at.isMapping()) {
            for (var e : at.mapping().entrySet()) {
                if (e.getValue().isNull()) {
                    throw e.getValue().error("no value (Kiln does not take values from the shell's environment)");
                }
                if (e.getValue().isMapping() || e.getValue().isSequence()) {
                    throw e.getValue().error("expected a string, found " + e.getValue().kind());
                }
                put(out, e.getKey(), e.getValue().string(), e.getValue(), what);
            }
        } else if (at.isSequence()) {
            for (YamlValue item : at.sequence()) {
                String s = item.string();
                int eq = s.indexOf('=');
                if (eq < 0) throw item.error(UntrustedText.quote(s) + " has no value (KEY=VALUE; Kiln does not take values from the shell's environment)");
                put(out, s.substring(0, eq), s.substring(eq + 1), item, what);
            }
        } else {
            throw at.error("expected a mapping or a list of KEY=VALUE, found " + at.kind());
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, String value, YamlValue at, String what) {
        if (!ENV_KEY.matcher(key).matches()) throw at.error(UntrustedText.quote(key) + " is not a valid " + what + " name");
        if (value.indexOf('\0') >= 0) throw at.error("the value contains a NUL character");
        if (out.put(key, value) != null) throw at.error(UntrustedText.quote(key) + " given twice");
    }

    private static Map<String, Service.Condition> dependsOn(YamlValue at) {
        Map<String, Service.Condition> out = new LinkedHashMap<>();
        if (at.isSequence()) {
            for (YamlValue item : at.sequence()) {
                if (out.put(item.text(), Service.Condition.SERVICE_STARTED) != null) throw item.error(UntrustedText.quote(item.text()) + " given twice");
            }
        } else if (at.isMapping()) {
            for (var e : at.mapping().entrySet()) {
                YamlValue condition = e.getValue().mapping(Set.of("condition")).get("condition");
                String c = condition == null ? "service_started" : condition.text();
                out.put(e.getKey(), switch (c) {
                    case "service_started" -> Service.Condition.SERVICE_STARTED;
                    case "service_healthy" -> Service.Condition.SERVICE_HEALTHY;
                    case "service_completed_successfully" -> throw condition.error("service_completed_successfully is not supported by Kiln");
                    default -> throw condition.error(UntrustedText.quote(c) + " is not service_started or service_healthy");
                });
            }
        } else {
            throw at.error("expected a list of services or a mapping of service: {condition: ...}, found " + at.kind());
        }
        return out;
    }

    private static HealthCheck health(YamlValue at) {
        Map<String, YamlValue> h = at.mapping(HEALTH);
        if (h.containsKey("disable") && h.get("disable").bool()) return null;
        if (!h.containsKey("test")) throw at.error("a healthcheck needs a test: tcp:PORT or http:PORT/PATH");
        String test = ComposeValues.healthTest(h.get("test"));
        if (test == null) return null;
        try {
            return new HealthCheck(test, h.containsKey("interval") ? ComposeValues.millis(h.get("interval")) : null,
                    h.containsKey("timeout") ? ComposeValues.millis(h.get("timeout")) : null,
                    h.containsKey("retries") ? h.get("retries").integer(1, 1000) : null,
                    h.containsKey("start_period") ? ComposeValues.millis(h.get("start_period")) : null);
        } catch (IllegalArgumentException e) {
            throw h.get("test").error(e.getMessage());
        }
    }
}
