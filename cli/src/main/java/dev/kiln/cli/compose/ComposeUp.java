package dev.kiln.cli.compose;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.cli.UserError;
import dev.kiln.cli.engine.DaemonStarter;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.KilnClient;
import dev.kiln.engine.compose.ComposeFile;
import dev.kiln.engine.compose.ComposeProject;
import dev.kiln.engine.compose.DependencyOrder;
import dev.kiln.engine.compose.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln compose up [-d]`: builds what has a build:, then creates and starts each service's VMs
 * in depends_on order, waiting for service_healthy dependencies to pass their health check (the
 * daemon's health_status event). A VM already up from the same definition and image is left
 * running; one made from another (the file or the image changed) is replaced. Without -d it
 * then follows the project's logs, and Ctrl-C stops the project (kiln compose down removes it).
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Create and start the project's VMs, in depends_on order.",
                "Without -d, follow their logs; Ctrl-C stops them."})
final class ComposeUp extends ComposeVerb {
    @Option(names = {"-d", "--detach"}, description = "Return once everything started (and every service_healthy dependency is healthy).")
    boolean detach;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "10",
            description = "Grace period of the stop on Ctrl-C and of replacing a VM (default 10).")
    int timeout;

    private Path file;
    private ComposeFile parsed;
    private String project;
    private Map<String, Path> images;

    /** The file, the project and every image, before any daemon is asked (or started): a bad file changes nothing. */
    @Override
    void prepare() {
        if (timeout < 0) throw new UserError("--timeout must not be negative");
        file = compose.findFile(true);
        parsed = compose.parse(file);
        project = compose.projectName(parsed, file);
        for (Service s : parsed.services()) { // what the daemon would refuse (a name too long with this project's, ...)
            try {
                ComposeProject.request(project, s, Math.max(1, s.replicas()), Path.of("/image"));
            } catch (IllegalArgumentException e) {
                throw new UserError(file + ":" + s.line() + ": services." + s.name() + ": " + e.getMessage());
            }
        }
        images = images();
    }

    @Override
    KilnClient client() {
        return DaemonStarter.connectOrStart(compose.daemon);
    }

    @Override
    int run(KilnClient client) throws Exception {
        Map<String, VmSummary> existing = new HashMap<>();
        for (VmSummary v : ProjectVms.list(client, project)) {
            existing.put(v.name(), v);
            if (parsed.service(ProjectVms.service(v)) == null) {
                System.err.println("kiln: " + v.name() + " belongs to service " + ProjectVms.service(v) + ", which " + file
                        + " no longer has (kiln compose down removes it)");
            }
        }
        Thread stopper = detach ? null : stopper(client);
        if (stopper != null) Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C while VMs start stops them too
        try {
            startAll(client, existing);
            if (!detach) ProjectLogs.follow(client, ProjectVms.list(client, project), null, false);
            return 0;
        } finally {
            if (stopper != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper); // an end or an error of up's own stops nothing
                } catch (IllegalStateException e) {
                    stopper.join(); // shutting down (Ctrl-C): the stop runs to its end
                }
            }
        }
    }

    private void startAll(KilnClient client, Map<String, VmSummary> existing) throws Exception {
        try (EventWatch events = new EventWatch(client)) {
            for (Service s : DependencyOrder.startOrder(parsed)) {
                awaitDependencies(s, events);
                Path image = images.get(s.name());
                String digest = digest(image);
                for (int n = 1; n <= s.replicas(); n++) up(client, s, n, image, digest, existing);
                for (VmSummary v : existing.values()) { // scaled down
                    if (ProjectVms.service(v).equals(s.name()) && ProjectVms.number(v) > s.replicas()) {
                        client.remove(v.name(), true);
                        System.out.println("VM " + v.name() + " removed (replicas: " + s.replicas() + ")");
                    }
                }
            }
        }
    }

    /** Every service's image: the file named, or the image its build: directory builds into (kiln's build cache). */
    private Map<String, Path> images() {
        Map<String, Path> images = new HashMap<>();
        for (Service s : parsed.services()) {
            if (s.image() != null) {
                if (!Files.isRegularFile(s.image())) {
                    throw new UserError(file + ":" + s.sourceLine() + ": services." + s.name() + ".image: no such file " + s.image());
                }
                images.put(s.name(), s.image());
            } else {
                System.err.println("kiln: building service " + s.name() + " from " + s.build());
                try {
                    images.put(s.name(), NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m))
                            .build(AppInput.resolve(s.build(), null)).image());
                } catch (NativeBuildException | IOException | IllegalArgumentException e) {
                    throw new UserError(file + ":" + s.sourceLine() + ": services." + s.name() + ".build: cannot build " + s.build() + ": "
                            + e.getMessage());
                }
            }
        }
        return images;
    }

    private void awaitDependencies(Service s, EventWatch events) throws InterruptedException {
        for (var d : s.dependsOn().entrySet()) {
            if (d.getValue() != Service.Condition.SERVICE_HEALTHY) continue; // started: its start answered before this one's
            Service dep = parsed.service(d.getKey());
            for (int n = 1; n <= dep.replicas(); n++) {
                String vm = ComposeProject.vmName(project, dep.name(), n);
                System.err.println("kiln: waiting for " + vm + " to be healthy (" + s.name() + " depends on it)");
                events.awaitHealthy(vm);
                System.out.println("VM " + vm + " healthy");
            }
        }
    }

    private void up(KilnClient client, Service s, int n, Path image, String imageDigest, Map<String, VmSummary> existing) throws Exception {
        CreateRequest req = ComposeProject.request(project, s, n, image.toAbsolutePath().normalize());
        String config = digestOf(ApiJson.mapper().writeValueAsBytes(req), imageDigest.getBytes());
        req = ComposeProject.withLabel(req, ComposeProject.CONFIG_LABEL, config);
        VmSummary old = existing.get(req.name());
        if (old == null) {
            try {
                client.inspect(req.name());
                throw new UserError("a VM named " + req.name() + " exists and is not part of project " + project
                        + " (kiln rm it, or pick another project name with -p)");
            } catch (ApiException e) {
                if (e.status() != 404) throw e;
            }
        }
        if (old != null) {
            boolean current = config.equals(old.labels().get(ComposeProject.CONFIG_LABEL));
            if (current && (old.status() == VmStatus.RUNNING || old.status() == VmStatus.RESTARTING)) {
                System.out.println("VM " + req.name() + " running");
                return;
            }
            if (current) {
                client.start(req.name());
                System.out.println("VM " + req.name() + " started");
                return;
            }
            if (old.status() == VmStatus.RUNNING) client.stop(req.name(), timeout);
            client.remove(req.name(), true);
            System.out.println("VM " + req.name() + " removed (its service changed)");
        }
        client.create(req);
        try {
            client.start(req.name());
        } catch (ApiException e) {
            throw new ApiException(e.status(), e.getMessage() + " (starting " + req.name() + "; kiln compose down removes the project)");
        }
        System.out.println("VM " + req.name() + " started");
    }

    /** The shutdown hook of a foreground up: stops the project's VMs (as the daemon has them then), newest first. */
    private Thread stopper(KilnClient client) {
        return new Thread(() -> {
            System.err.println("kiln: stopping project " + project + " (Ctrl-C)");
            List<VmSummary> vms = new ArrayList<>(ProjectVms.list(client, project));
            java.util.Collections.reverse(vms);
            for (VmSummary v : vms) {
                if (v.status() != VmStatus.RUNNING && v.status() != VmStatus.RESTARTING) continue;
                try {
                    System.out.println(client.stop(v.id(), timeout).message());
                } catch (RuntimeException e) {
                    System.err.println("kiln: error: " + e.getMessage());
                }
            }
        }, "kiln-compose-stop");
    }

    private static String digest(Path image) throws IOException {
        try (InputStream in = Files.newInputStream(image)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digestOf(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) md.update(p);
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
