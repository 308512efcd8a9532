import com.sun.net.httpserver.Headers;
import java.util.List;

/** com.sun.net.httpserver.Headers: names normalized as the JDK's (first letter upper case, the rest lower), lookups ignore case, values checked. */
public class NetHttpHeaders {
    public static void main(String[] args) {
        Headers h = new Headers();
        h.add("content-TYPE", "text/plain");
        h.add("CONTENT-type", "charset=utf-8");
        h.set("x-request-id", "42");
        System.out.println(h.keySet().contains("Content-type") + " " + h.get("content-type"));
        System.out.println(h.getFirst("X-REQUEST-ID") + " " + h.containsKey("x-Request-Id") + " " + h.size());
        h.set("Content-Type", "application/json");
        System.out.println(h.get("Content-type") + " " + h.getFirst("missing"));
        System.out.println(h.remove("X-Request-Id") + " " + h.size() + " " + h.isEmpty());
        System.out.println(new Headers().equals(new Headers()) + " " + h.equals(new Headers()));
        System.out.println(h);
        h.put("Via", List.of("a", "b"));
        System.out.println(h.get("via") + " " + h.containsValue(List.of("a", "b")));
        try {
            h.add("X-Bad", "line\nbreak");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        try {
            h.set("X-Bad", "a\rb");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        try {
            h.add("Bad\r\nName", "v");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        try {
            h.getFirst(null);
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
        h.clear();
        System.out.println(h.isEmpty() + " " + h);
    }
}
