package dev.kiln.engine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.engine.EngineException;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.ApiPaths;
import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.DaemonInfo;
import dev.kiln.engine.api.Event;
import dev.kiln.engine.api.Labels;
import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.api.Signals;
import dev.kiln.engine.events.EventBus;
import dev.kiln.engine.logs.LogQuery;
import dev.kiln.engine.logs.LogSink;
import dev.kiln.engine.logs.LogStore;
import dev.kiln.engine.vm.Engine;
import dev.kiln.engine.vm.ManagedVm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The API's routes (see docs/api/openapi.yaml): what each does with the engine. Streams (logs
 * with follow, events) are newline-delimited JSON, one value per line; an empty line is a
 * keep-alive written when the connection has been idle, which is also how a client that went
 * away is noticed.
 */
final class ApiRoutes {
    /** The grace period of stop and restart when the request gives none, as Docker's. */
    static final int DEFAULT_GRACE_SECONDS = 10;
    static final String NDJSON = "application/x-ndjson";
    private final Engine engine;
    private final EventBus events;
    private final Supplier<DaemonInfo> info;
    private final ObjectMapper json = ApiJson.mapper();

    private ApiRoutes(Engine engine, EventBus events, Supplier<DaemonInfo> info) {
        this.engine = engine;
        this.events = events;
        this.info = info;
    }

    /**
     * @param debugSockets where a VM's GDB stub listens: a unix socket in the daemon socket's
     *                     directory (so as reachable as the API, and no more), named by the VM's id
     */
    static void register(Router router, Engine engine, EventBus events, Supplier<DaemonInfo> info,
                         DebugSockets debugSockets) {
        ApiRoutes r = new ApiRoutes(engine, events, info);
        router.add("GET", ApiPaths.INFO, ex -> ex.json(200, info.get()));
        router.add("POST", ApiPaths.VMS, ex -> {
            CreateRequest req = ex.body(CreateRequest.class);
            try {
                ex.json(201, engine.create(req));
            } catch (IOException e) {
                throw EngineException.internal("cannot store the VM: " + e.getMessage());
            }
        });
        router.add("GET", ApiPaths.VMS, ex -> ex.json(200, engine.list(ex.flag("all"), label(ex))));
        router.add("GET", ApiPaths.VM, ex -> ex.json(200, engine.inspect(ex.path("ref"))));
        router.add("DELETE", ApiPaths.VM, ex -> {
            try {
                engine.remove(ex.path("ref"), ex.flag("force"));
            } catch (IOException e) {
                throw EngineException.internal("cannot delete the VM's files: " + e.getMessage());
            }
            ex.json(204, null);
        });
        router.add("POST", ApiPaths.VM_START, ex -> {
            engine.start(ex.path("ref"));
            ex.json(204, null);
        });
        router.add("POST", ApiPaths.VM_STOP, ex -> ex.json(200, engine.stop(ex.path("ref"), grace(ex))));
        router.add("POST", ApiPaths.VM_RESTART, ex -> ex.json(200, engine.restart(ex.path("ref"), grace(ex))));
        router.add("POST", ApiPaths.VM_KILL, ex -> {
            String signal = ex.param("signal");
            engine.kill(ex.path("ref"), Signals.parse(signal == null ? "KILL" : signal));
            ex.json(204, null);
        });
        router.add("POST", ApiPaths.VM_WAIT, r::await);
        router.add("GET", ApiPaths.VM_LOGS, r::logs);
        router.add("GET", ApiPaths.EVENTS, r::events);
        router.add("GET", ApiPaths.STATS, ex -> ex.json(200, engine.stats()));
        router.add("GET", ApiPaths.METRICS, ex -> ex.bytes(200, engine.metrics().contentType(), engine.metrics().scrape()));
        router.add("POST", ApiPaths.VM_DEBUG, ex -> {
            ManagedVm vm = engine.find(ex.path("ref"));
            ex.json(200, vm.debug(debugSockets.socketFor(vm.id()), debugSockets::secure));
        });
        router.add("GET", ApiPaths.VM_STACK, ex -> ex.json(200, engine.find(ex.path("ref")).stack()));
        router.add("POST", ApiPaths.VM_DUMP, ex -> ex.json(200, engine.find(ex.path("ref")).dump()));
        router.add("POST", ApiPaths.VM_PROFILE, ex -> {
            Integer seconds = ex.intParam("seconds", 1, 3600);
            Integer rate = ex.intParam("rate", 1, dev.kiln.vmm.profile.Sampler.MAX_RATE_HZ);
            ManagedVm vm = engine.find(ex.path("ref"));
            ex.request.addIdleTimeoutListener(t -> false); // the answer comes after the sampling
            ex.json(200, vm.profile(Duration.ofSeconds(seconds == null ? 10 : seconds), rate == null ? 199 : rate));
        });
    }

    /** The list's filter label=KEY=VALUE, null without one. */
    private static java.util.Map.Entry<String, String> label(Exchange ex) {
        String label = ex.param("label");
        if (label == null) return null;
        try {
            return Labels.parse(label);
        } catch (IllegalArgumentException e) {
            throw EngineException.badRequest(e.getMessage());
        }
    }

    private static Duration grace(Exchange ex) {
        Integer t = ex.intParam("t", 0, 24 * 3600);
        return Duration.ofSeconds(t == null ? DEFAULT_GRACE_SECONDS : t);
    }

    private void await(Exchange ex) throws IOException {
        String condition = ex.param("condition");
        if (condition != null && !condition.equals("not-running") && !condition.equals("next-exit")) {
            throw EngineException.badRequest("condition must be not-running or next-exit, not '" + condition + "'");
        }
        ManagedVm vm = engine.find(ex.path("ref"));
        ex.request.addIdleTimeoutListener(t -> false); // waiting for a VM may take as long as the VM runs
        ex.json(200, vm.await("next-exit".equals(condition)));
    }

    private void logs(Exchange ex) throws IOException {
        ManagedVm vm = engine.find(ex.path("ref"));
        boolean follow = ex.flag("follow");
        boolean text = "text".equals(ex.param("format"));
        if (ex.param("format") != null && !text && !"ndjson".equals(ex.param("format"))) {
            throw EngineException.badRequest("format must be ndjson or text, not '" + ex.param("format") + "'");
        }
        boolean timestamps = ex.flag("timestamps");
        String tailText = ex.param("tail");
        Integer tail = tailText == null || tailText.equals("all") ? null : ex.intParam("tail", 0, Integer.MAX_VALUE);
        LogQuery q = new LogQuery(ex.timeParam("since"), tail, follow);
        OutputStream out = ex.stream(text ? "text/plain; charset=utf-8" : NDJSON);
        LogStore.Follow f = new LogStore.Follow();
        ex.request.addIdleTimeoutListener(t -> {
            f.wake();
            return false;
        });
        vm.logs().read(q, new LogSink() {
            @Override
            public void write(List<LogEntry> entries) throws IOException {
                for (LogEntry e : entries) {
                    if (text) {
                        if (!e.stream().equals(LogEntry.CONSOLE)) continue;
                        if (timestamps) out.write((e.time() + " ").getBytes(StandardCharsets.UTF_8));
                        out.write(e.log().getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(json.writeValueAsBytes(e));
                        out.write('\n');
                    }
                }
                out.flush();
            }

            @Override
            public void keepAlive() throws IOException {
                if (!text) out.write('\n');
                out.flush();
            }
        }, f);
        out.close();
    }

    private void events(Exchange ex) throws IOException {
        Instant since = ex.timeParam("since");
        Instant until = ex.timeParam("until");
        String vm = ex.param("vm");
        Predicate<Event> filter = vm == null ? e -> true
                : e -> vm.equals(e.id()) || vm.equals(e.name()) || (e.id() != null && vm.matches("[0-9a-f]{1,64}") && e.id().startsWith(vm));
        OutputStream out = ex.stream(NDJSON);
        EventBus.Subscription sub = new EventBus.Subscription();
        ex.request.addIdleTimeoutListener(t -> {
            sub.wake();
            return false;
        });
        ScheduledFuture<?> deadline = until == null ? null
                : engine.schedule(sub::wake, Duration.between(Instant.now(), until).isNegative() ? Duration.ZERO
                        : Duration.between(Instant.now(), until).plusMillis(1));
        try {
            events.subscribe(since, until, filter, new EventBus.Sink() {
                @Override
                public void write(List<Event> batch) throws IOException {
                    for (Event e : batch) {
                        out.write(json.writeValueAsBytes(e));
                        out.write('\n');
                    }
                    out.flush();
                }

                @Override
                public void keepAlive() throws IOException {
                    out.write('\n');
                    out.flush();
                }
            }, sub);
        } finally {
            if (deadline != null) deadline.cancel(false);
        }
        out.close();
    }
}
