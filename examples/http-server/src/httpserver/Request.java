package httpserver;

/** One parsed request head. Only what the server acts on is kept. */
final class Request {
    String method;
    String path;       // the target up to '?', as sent (no percent-decoding: no route needs it)
    int minorVersion;  // HTTP/1.minor
    boolean keepAlive;
    boolean closeRequested; // "Connection: close" seen: wins over any keep-alive
    long contentLength; // -1 if absent
}
