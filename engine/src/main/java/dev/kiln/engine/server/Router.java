package dev.kiln.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.kiln.engine.EngineException;
import dev.kiln.engine.api.ApiError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Dispatches requests to the API's routes (method + path template, matched with Jetty's URI
 * templates) and turns every refusal into a JSON error with its status. The route table is
 * the daemon's own account of what it serves: the OpenAPI test reads it.
 */
final class Router extends Handler.Abstract {
    /** What a route does with a request; may block (it runs on a virtual thread). */
    interface Action {
        void handle(Exchange exchange) throws Exception;
    }

    /** One route: an HTTP method and a path template such as /v1/vms/{ref}/start. */
    record Route(String method, String template, UriTemplatePathSpec spec, Action action) {}

    private final List<Route> routes = new ArrayList<>();
    private final Consumer<String> log;

    Router(Consumer<String> log) {
        this.log = log;
    }

    void add(String method, String template, Action action) {
        routes.add(new Route(method, template, new UriTemplatePathSpec(template), action));
    }

    /** "METHOD /template" of every route. */
    List<String> routes() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        String method = request.getMethod();
        Route match = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            if (!r.spec().matches(path)) continue;
            pathKnown = true;
            if (r.method().equals(method)) {
                match = r;
                break;
            }
        }
        Exchange ex = new Exchange(request, response, match == null ? Map.of() : match.spec().getPathParams(path));
        try {
            if (match == null) {
                if (pathKnown) error(ex, 405, "method " + method + " is not allowed on " + path);
                else error(ex, 404, "no route for " + method + " " + path + " (this daemon serves API " + dev.kiln.engine.api.ApiPaths.VERSION + ")");
            } else {
                match.action().handle(ex);
            }
            callback.succeeded();
        } catch (EngineException e) {
            answerError(ex, callback, e.kind().status, e.getMessage());
        } catch (ValueInstantiationException e) {
            // a record's own check refused a value: its message is the user's
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            answerError(ex, callback, 400, "bad request: " + cause.getMessage());
        } catch (UnrecognizedPropertyException e) {
            answerError(ex, callback, 400, "bad request: unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            answerError(ex, callback, 400, "bad request: not valid JSON for this route: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            answerError(ex, callback, 400, "bad request: " + e.getMessage());
        } catch (IOException e) {
            callback.failed(e); // the connection failed (the client went away mid-answer): nothing to tell anyone
        } catch (Throwable e) {
            log.accept("internal error on " + method + " " + path + ": " + e);
            answerError(ex, callback, 500, "internal error: " + e);
        }
        return true;
    }

    private void answerError(Exchange ex, Callback callback, int status, String message) {
        if (ex.answered() || ex.response.isCommitted()) {
            callback.failed(new IOException(message)); // the answer had begun: only cutting it short is left
            return;
        }
        try {
            error(ex, status, message);
            callback.succeeded();
        } catch (Throwable t) {
            callback.failed(t);
        }
    }

    private static void error(Exchange ex, int status, String message) throws IOException {
        ex.json(status, new ApiError(message));
    }
}
