package httpserver;

/** The server's resources: a static page at / and the JSON counters at /api/stats. */
final class Routes {
    private static final String ALLOW = "GET, HEAD";
    private static final byte[] INDEX = Response.ascii("<!doctype html>\n"
            + "<html><head><meta charset=\"utf-8\"><title>Kiln</title></head>\n"
            + "<body><h1>Hello from Kiln</h1>\n"
            + "<p>This page is served by examples/http-server: plain java.net, a thread per connection.</p>\n"
            + "<p>Counters: <a href=\"/api/stats\">/api/stats</a></p></body></html>\n");

    private final ServerStats stats;

    Routes(ServerStats stats) {
        this.stats = stats;
    }

    Response handle(Request r) {
        boolean index = r.path.equals("/") || r.path.equals("/index.html");
        boolean api = r.path.equals("/api/stats");
        if (!index && !api) {
            return Response.error(404);
        }
        if (!r.method.equals("GET") && !r.method.equals("HEAD")) {
            Response e = Response.error(405);
            return new Response(405, e.contentType, e.body, ALLOW);
        }
        if (index) {
            return new Response(200, "text/html; charset=utf-8", INDEX, null);
        }
        return new Response(200, "application/json", Response.ascii(stats.json()), null);
    }
}
