package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.net.URI;

/** com.sun.net.httpserver.Request (JDK 18): the request side of an exchange, as Filter.adaptRequest sees it. */
public interface TRequest {
    URI getRequestURI();

    String getRequestMethod();

    THeaders getRequestHeaders();
}
