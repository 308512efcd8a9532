package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.Event;
import dev.kiln.engine.client.KilnClient;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kiln events`: what happens to VMs, as it happens. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Print what happens to VMs, as it happens.",
                "create, start, die, kill, stop, restart, destroy, health_status; until Ctrl-C or --until."})
public final class EventsCommand extends DaemonVerb {
    @Option(names = "--since", paramLabel = "TIME", description = "Also the kept events from TIME on (10m, RFC 3339, Unix seconds).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Stop at TIME (a duration counts back from now).")
    String until;

    @Option(names = {"-f", "--filter"}, paramLabel = "vm=NAME", description = "Only the events of one VM (name, id or id prefix).")
    String filter;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json lines.")
    String format;

    @Override
    int run(KilnClient client) {
        Instant now = Instant.now();
        String vm = null;
        if (filter != null) {
            if (!filter.startsWith("vm=") || filter.length() == 3) throw new UserError("--filter takes vm=NAME, not '" + filter + "'");
            vm = filter.substring(3);
        }
        if (!format.equals("text") && !format.equals("json")) throw new UserError("--format takes text or json, not '" + format + "'");
        Instant from = since == null ? null : HumanTime.point("--since", since, now);
        Instant to = until == null ? null : HumanTime.point("--until", until, now);
        client.events(from, to, vm, e -> {
            System.out.println(format.equals("json") ? json(e) : text(e));
            System.out.flush();
            return true;
        });
        return 0;
    }

    private static String json(Event e) {
        try {
            return ApiJson.mapper().writeValueAsString(e);
        } catch (java.io.IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Docker's line: TIME vm ACTION ID (name=NAME, key=value, ...). */
    static String text(Event e) {
        Map<String, String> attrs = new TreeMap<>(e.attributes());
        if (e.name() != null) attrs.put("name", e.name());
        String a = attrs.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(", "));
        String kind = e.id() == null ? "daemon" : "vm";
        return e.time() + " " + kind + " " + e.action() + (e.id() == null ? "" : " " + e.id()) + (a.isEmpty() ? "" : " (" + a + ")");
    }
}
