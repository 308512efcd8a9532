package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.IOException;

/** com.sun.net.httpserver.HttpHandler in native images: what a context runs for each exchange. */
public interface THttpHandler {
    void handle(THttpExchange exchange) throws IOException;
}
