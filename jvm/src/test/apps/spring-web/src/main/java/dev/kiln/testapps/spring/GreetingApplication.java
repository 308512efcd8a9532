package dev.kiln.testapps.spring;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A @RestController answering JSON (Jackson) on Tomcat; /stop ends the app with a status of its own. */
@SpringBootApplication
@RestController
public class GreetingApplication {
    private static ConfigurableApplicationContext context;

    public record Greeting(String greeting, String host) {}

    public record Order(String item, int quantity, List<String> notes) {}

    @GetMapping("/hello")
    public Greeting hello(@RequestParam(defaultValue = "world") String name) throws UnknownHostException {
        return new Greeting("hello " + name, InetAddress.getLocalHost().getHostName());
    }

    @PostMapping("/orders")
    public Map<String, Object> order(@RequestBody Order order) {
        return Map.of("item", order.item(), "total", order.quantity() * 3, "notes", order.notes().size());
    }

    @GetMapping("/stop")
    public String stop() {
        // Not a daemon (Tomcat's request threads are, and a new thread inherits that): once Tomcat's
        // threads end, a daemon would race the JVM's own shutdown with status 0.
        Thread t = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 42)));
        t.setDaemon(false);
        t.start();
        return "stopping\n";
    }

    public static void main(String[] args) {
        context = SpringApplication.run(GreetingApplication.class, args);
    }
}
