import java.util.Map;

/**
 * System.getenv(): a map of the environment (the image's env.KEY= lines), unmodifiable, agreeing
 * with getenv(name) (issue 13, item 4). The two environments differ, so only their rules are printed.
 */
public class ApiEnvironment {
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean agree = true;
        for (Map.Entry<String, String> e : env.entrySet()) {
            agree &= e.getValue().equals(System.getenv(e.getKey()));
        }
        System.out.println("entries agree with getenv(name): " + agree);
        System.out.println("unset: " + System.getenv("KILN_CONFORMANCE_SURELY_UNSET") + " "
                + env.containsKey("KILN_CONFORMANCE_SURELY_UNSET"));
        try {
            env.put("X", "y");
            System.out.println("modifiable");
        } catch (UnsupportedOperationException e) {
            System.out.println("unmodifiable");
        }
        try {
            System.getenv(null);
        } catch (NullPointerException e) {
            System.out.println("getenv(null): NullPointerException");
        }
        System.out.println("same map: " + env.equals(System.getenv()));
    }
}
