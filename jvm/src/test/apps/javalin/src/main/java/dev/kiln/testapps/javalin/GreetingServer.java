package dev.kiln.testapps.javalin;

import io.javalin.Javalin;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** A Javalin 6 server answering JSON (Jackson); /stop ends it with a status of its own. */
public final class GreetingServer {
    public record Order(String item, int quantity, List<String> notes) {}

    public static void main(String[] args) {
        Javalin app = Javalin.create();
        app.get("/hello", ctx -> ctx.json(Map.of(
                "greeting", "hello " + (ctx.queryParam("name") == null ? "world" : ctx.queryParam("name")),
                "host", InetAddress.getLocalHost().getHostName())));
        app.post("/orders", ctx -> {
            Order o = ctx.bodyAsClass(Order.class);
            ctx.json(Map.of("item", o.item(), "total", o.quantity() * 3, "notes", o.notes().size()));
        });
        app.get("/stop", ctx -> {
            ctx.result("stopping\n");
            Thread t = new Thread(() -> {
                app.stop();
                System.exit(42);
            });
            t.setDaemon(false); // not the request thread's daemon state: it must outlive Jetty's threads
            t.start();
        });
        app.start(7070);
    }
}
