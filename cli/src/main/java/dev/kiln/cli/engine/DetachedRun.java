package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.CreateResponse;
import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.Labels;
import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.RestartPolicy;
import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.KilnClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `kiln run -d`: create and start the VM in the daemon (starting a daemon if none answers) and
 * print its id, as `docker run -d` does. Every failure is kiln's (exit 125, as `kiln run`).
 */
public final class DetachedRun {
    /** What the command line asked for, beyond kiln run's own flags. */
    public record Request(String name, String restart, String health, String healthInterval, String healthTimeout,
                          Integer healthRetries, String healthStartPeriod, List<String> publish, List<String> env,
                          Integer memoryMb, List<String> args, String network, List<String> networkAliases,
                          List<String> labels, DaemonOptions daemon) {}

    private DetachedRun() {}

    public static int run(Path image, Request r) {
        CreateRequest create;
        try {
            List<PortMapping> ports = new ArrayList<>();
            for (String p : r.publish()) ports.add(PortMapping.parse(p));
            RestartPolicy restart = r.restart() == null ? null : RestartPolicy.parse(r.restart());
            HealthCheck health = null;
            if (r.health() != null) {
                health = new HealthCheck(r.health(), ms("--health-interval", r.healthInterval()),
                        ms("--health-timeout", r.healthTimeout()), r.healthRetries(), ms("--health-start-period", r.healthStartPeriod()));
            } else if (r.healthInterval() != null || r.healthTimeout() != null || r.healthRetries() != null
                    || r.healthStartPeriod() != null) {
                throw new UserError("--health-interval, --health-timeout, --health-retries and --health-start-period go with --health");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (String l : r.labels()) {
                var kv = Labels.parse(l);
                if (labels.put(kv.getKey(), kv.getValue()) != null) throw new UserError("label " + kv.getKey() + " given twice");
            }
            create = new CreateRequest(r.name(), image.toAbsolutePath().normalize().toString(), r.args(), r.env(), r.memoryMb(),
                    ports, restart, health, r.network(), r.networkAliases(), labels);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (KilnClient client = DaemonStarter.connectOrStart(r.daemon())) {
            CreateResponse created = client.create(create);
            try {
                client.start(created.id());
            } catch (ApiException e) {
                // as docker run -d: the VM stays defined (kiln ps -a shows it, kiln logs says what happened)
                throw new UserError(e.getMessage() + " (the VM " + created.name() + " stays defined; kiln rm " + created.name()
                        + " removes it)");
            }
            System.out.println(created.id());
            return 0;
        } catch (ApiException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Long ms(String flag, String value) {
        return value == null ? null : HumanTime.millis(flag, value);
    }
}
