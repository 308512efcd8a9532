package httpserver;

/** The server's resources: a static page at / and the JSON counters at /api/stats. */
final class Routes {
    private static final String ALLOW = "GET, HEAD";
    private static final byte[] INDEX = Response.ascii("<!doctype html>\n"
            + "<html><head><meta charset=\"utf-8\"><title>Kiln</title></head>\n"
            + "<body><h1>Hello from Kiln</h1>\n"
            + "<p>This page is served by examples/http-server: plain java.net, a thread per connection.</p>\n"
            + "<p>Counters: <a href=\"/api/stats\">/api/stats</a></p></body></html>\n");

    private static final Response PAGE = new Response(200, "text/html; charset=utf-8", INDEX, null);
    private static final Response NOT_FOUND = Response.error(404);
    private static final Response NOT_ALLOWED = new Response(405, "text/plain", Response.ascii("405 Method Not Allowed\n"), ALLOW);

    private final ServerStats stats;

    Routes(ServerStats stats) {
        this.stats = stats;
    }

    Response handle(Request r) {
        boolean index = r.path.equals("/") || r.path.equals("/index.html");
        boolean api = r.path.equals("/api/stats");
        if (!index && !api) {
            return NOT_FOUND;
        }
        if (!r.method.equals("GET") && !r.method.equals("HEAD")) {
            return NOT_ALLOWED;
        }
        if (index) {
            return PAGE;
        }
        return new Response(200, "application/json", Response.ascii(stats.json()), null);
    }
}
