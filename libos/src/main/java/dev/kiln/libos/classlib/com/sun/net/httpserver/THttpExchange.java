package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * com.sun.net.httpserver.HttpExchange in native images: one request and its response. The
 * server's implementation is {@link TKilnHttpExchange}.
 */
public abstract class THttpExchange implements AutoCloseable, TRequest {
    protected THttpExchange() {
    }

    @Override
    public abstract THeaders getRequestHeaders();

    public abstract THeaders getResponseHeaders();

    @Override
    public abstract URI getRequestURI();

    @Override
    public abstract String getRequestMethod();

    public abstract THttpContext getHttpContext();

    @Override
    public abstract void close();

    public abstract InputStream getRequestBody();

    public abstract OutputStream getResponseBody();

    public abstract void sendResponseHeaders(int rCode, long responseLength) throws IOException;

    public abstract InetSocketAddress getRemoteAddress();

    public abstract int getResponseCode();

    public abstract InetSocketAddress getLocalAddress();

    public abstract String getProtocol();

    public abstract Object getAttribute(String name);

    public abstract void setAttribute(String name, Object value);

    public abstract void setStreams(InputStream i, OutputStream o);
}
