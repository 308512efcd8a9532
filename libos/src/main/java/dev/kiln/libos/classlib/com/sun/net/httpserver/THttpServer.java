package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * com.sun.net.httpserver.HttpServer in native images. The jdk.httpserver module is not part of
 * what TeaVM compiles (the builder hides the host JDK's classes), so Kiln provides the API itself,
 * written from its Javadoc, on java.net sockets (green threads in an image): {@link TKilnHttpServer}.
 * Found through libos's KilnSubstitutionPolicy, which maps com.sun.net.httpserver.X to this package's TX.
 */
public abstract class THttpServer {
    protected THttpServer() {
    }

    public static THttpServer create() throws IOException {
        return create(null, 0);
    }

    public static THttpServer create(InetSocketAddress addr, int backlog) throws IOException {
        TKilnHttpServer server = new TKilnHttpServer();
        if (addr != null) {
            server.bind(addr, backlog);
        }
        return server;
    }

    public static THttpServer create(InetSocketAddress addr, int backlog, String path, THttpHandler handler,
            TFilter... filters) throws IOException {
        Objects.requireNonNull(path);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(filters);
        for (TFilter f : filters) {
            Objects.requireNonNull(f);
        }
        THttpServer server = create(addr, backlog);
        THttpContext context = server.createContext(path, handler);
        for (TFilter f : filters) {
            context.getFilters().add(f);
        }
        return server;
    }

    public abstract void bind(InetSocketAddress addr, int backlog) throws IOException;

    public abstract void start();

    public abstract void setExecutor(Executor executor);

    public abstract Executor getExecutor();

    public abstract void stop(int delay);

    public abstract THttpContext createContext(String path, THttpHandler handler);

    public abstract THttpContext createContext(String path);

    public abstract void removeContext(String path) throws IllegalArgumentException;

    public abstract void removeContext(THttpContext context);

    public abstract InetSocketAddress getAddress();
}
