package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.util.List;
import java.util.Map;

/** com.sun.net.httpserver.HttpContext in native images: a path prefix of a server and its handler and filters. */
public abstract class THttpContext {
    protected THttpContext() {
    }

    public abstract THttpHandler getHandler();

    public abstract void setHandler(THttpHandler handler);

    public abstract String getPath();

    public abstract THttpServer getServer();

    public abstract Map<String, Object> getAttributes();

    public abstract List<TFilter> getFilters();
}
