package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A context of {@link TKilnHttpServer}: a path prefix (matched case-sensitively, the longest wins), its handler and filters. */
final class TKilnHttpContext extends THttpContext {
    private final String path;
    private final TKilnHttpServer server;
    private THttpHandler handler;
    private final HashMap<String, Object> attributes = new HashMap<>();
    private final ArrayList<TFilter> filters = new ArrayList<>();

    TKilnHttpContext(String path, THttpHandler handler, TKilnHttpServer server) {
        if (path == null || path.length() < 1 || path.charAt(0) != '/') {
            throw new IllegalArgumentException("Illegal value for path or protocol");
        }
        this.path = path;
        this.handler = handler;
        this.server = server;
    }

    @Override
    public THttpHandler getHandler() {
        return handler;
    }

    @Override
    public void setHandler(THttpHandler h) {
        if (h == null) {
            throw new NullPointerException("Null handler parameter");
        }
        if (handler != null) {
            throw new IllegalArgumentException("handler already set");
        }
        handler = h;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public THttpServer getServer() {
        return server;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public List<TFilter> getFilters() {
        return filters;
    }
}
