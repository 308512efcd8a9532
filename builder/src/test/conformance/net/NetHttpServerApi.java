import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;

/** com.sun.net.httpserver.HttpServer before it is bound: contexts, their checks and the server's state errors, as the JDK reports them. */
public class NetHttpServerApi {
    public static void main(String[] args) throws Exception {
        HttpServer s = HttpServer.create();
        System.out.println("address " + s.getAddress() + " executor " + s.getExecutor());
        HttpContext a = s.createContext("/a", x -> x.sendResponseHeaders(204, -1));
        HttpContext b = s.createContext("/a/b");
        System.out.println(a.getPath() + " " + (a.getHandler() != null) + " " + b.getPath() + " " + (b.getHandler() == null));
        System.out.println((a.getServer() == s) + " " + a.getFilters().size() + " " + a.getAttributes().isEmpty());
        b.setHandler(x -> x.close());
        try {
            b.setHandler(x -> x.close());
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        for (String bad : new String[] {"", "a", "relative/path"}) {
            try {
                s.createContext(bad);
            } catch (IllegalArgumentException e) {
                System.out.println("'" + bad + "': IllegalArgumentException " + e.getMessage());
            }
        }
        try {
            s.createContext("/a");
        } catch (IllegalArgumentException e) {
            System.out.println("duplicate: IllegalArgumentException " + e.getMessage());
        }
        try {
            s.createContext(null, x -> x.close());
        } catch (NullPointerException e) {
            System.out.println("NullPointerException " + e.getMessage());
        }
        s.removeContext("/a/b");
        try {
            s.removeContext("/a/b");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        s.removeContext(a);
        try {
            s.removeContext(a);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        Filter f = Filter.beforeHandler("adds a header", x -> x.getResponseHeaders().add("X-Kiln", "1"));
        Filter g = Filter.afterHandler("counts", x -> { });
        System.out.println(f.description() + " / " + g.description());
        try {
            s.start();
        } catch (IllegalStateException e) {
            System.out.println("start unbound: IllegalStateException " + e.getMessage());
        }
        try {
            s.stop(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        s.setExecutor(Runnable::run);
        System.out.println("executor set " + (s.getExecutor() != null));
    }
}
