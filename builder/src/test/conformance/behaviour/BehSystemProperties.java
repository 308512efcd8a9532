import java.util.*;

/**
 * System properties as HotSpot reports them: the values both sides share are printed, the others
 * only by shape (the image reports the building JDK's version, and its own directories).
 */
public class BehSystemProperties {
    public static void main(String[] args) {
        for (String key : new String[] {"java.specification.version", "java.vm.specification.version", "os.name", "os.arch",
                "file.separator", "path.separator", "file.encoding", "java.io.tmpdir",
                "java.version", "java.vendor", "java.runtime.version", "java.vm.name", "java.class.version"}) {
            System.out.println(key + "=" + System.getProperty(key));
        }
        System.out.println("line.separator=" + System.getProperty("line.separator").replace("\n", "\\n")
                + " lineSeparator()=" + System.lineSeparator().replace("\n", "\\n"));
        // native.encoding and stdout.encoding follow the locale HotSpot starts in (UTF-8 in the image)
        for (String key : new String[] {"user.dir", "user.home", "user.name", "native.encoding", "stdout.encoding"}) {
            String value = System.getProperty(key);
            System.out.println(key + " set: " + (value != null && !value.isEmpty())
                    + (key.startsWith("user.d") || key.startsWith("user.h") ? ", absolute: " + value.startsWith("/") : ""));
        }
        System.out.println("missing=" + System.getProperty("no.such.property") + " default=" + System.getProperty("no.such", "dflt"));
        System.out.println("set returns " + System.setProperty("kiln.test", "one") + ", then " + System.setProperty("kiln.test", "two")
                + ", get " + System.getProperty("kiln.test") + ", via getProperties " + System.getProperties().getProperty("kiln.test"));
        System.out.println("clear returns " + System.clearProperty("kiln.test") + ", then " + System.getProperty("kiln.test"));
        try {
            System.getProperty("");
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            System.getProperty(null);
        } catch (NullPointerException e) {
            System.out.println(e);
        }
        Properties all = System.getProperties();
        System.out.println("getProperties has java.version: " + all.containsKey("java.version") + ", os.name: " + all.getProperty("os.name"));
        Runtime.Version v = Runtime.version();
        System.out.println("Runtime.version " + v + " feature " + v.feature() + " = spec " + System.getProperty("java.specification.version"));
        System.out.println("processors >= 1: " + (Runtime.getRuntime().availableProcessors() >= 1));
    }
}
