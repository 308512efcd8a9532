package dev.kiln.rt;

import java.util.Properties;

/**
 * System properties as HotSpot reports them, for native images: the builder makes
 * java.lang.System's property methods call these (TeaVM's asked its C runtime for the home and
 * temporary directories, which Kiln's guest does not have, and died with
 * NegativeArraySizeException on the error code; it also called the OS "TeaVM" and Java "21").
 *
 * <p>The Java and VM versions are the building JDK's (the builder writes them into
 * {@link #buildJdk()}), so a program built and compared with the same JDK sees equal values. The
 * rest describes Kiln's guest: Linux on amd64, UTF-8 everywhere, one user, root, whose home is
 * /root, working directory /, temporary files in /tmp. docs/native-images.md lists them.
 */
public final class KilnSystemProperties {
    private static Properties properties;

    private KilnSystemProperties() {
    }

    /**
     * "key=value" lines for the building JDK's version properties. The builder replaces this
     * body with a constant; the empty string is what an image built without that rewrite sees.
     */
    static String buildJdk() {
        return "";
    }

    private static Properties properties() {
        if (properties == null) {
            properties = initial();
        }
        return properties;
    }

    private static Properties initial() {
        Properties p = new Properties();
        String jdk = buildJdk();
        int start = 0;
        while (start < jdk.length()) {
            int end = jdk.indexOf('\n', start);
            if (end < 0) {
                end = jdk.length();
            }
            int eq = jdk.indexOf('=', start);
            if (eq > start && eq < end) {
                p.setProperty(jdk.substring(start, eq), jdk.substring(eq + 1, end));
            }
            start = end + 1;
        }
        p.setProperty("os.name", "Linux");
        p.setProperty("os.arch", "amd64");
        p.setProperty("line.separator", "\n");
        p.setProperty("file.separator", "/");
        p.setProperty("path.separator", ":");
        p.setProperty("user.name", "root");
        p.setProperty("user.home", "/root");
        p.setProperty("user.dir", "/");
        p.setProperty("java.io.tmpdir", "/tmp");
        p.setProperty("java.class.path", "");
        p.setProperty("java.library.path", "");
        p.setProperty("file.encoding", "UTF-8");
        p.setProperty("native.encoding", "UTF-8");
        p.setProperty("sun.jnu.encoding", "UTF-8");
        p.setProperty("stdout.encoding", "UTF-8");
        p.setProperty("stderr.encoding", "UTF-8");
        p.setProperty("sun.arch.data.model", "64");
        p.setProperty("java.vm.info", "kiln native image");
        return p;
    }

    private static String checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key can't be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key can't be empty");
        }
        return key;
    }

    public static String getProperty(String key) {
        return properties().getProperty(checkKey(key));
    }

    public static String getProperty(String key, String def) {
        return properties().getProperty(checkKey(key), def);
    }

    /** The live set, as on HotSpot: what a program puts in it, getProperty sees. */
    public static Properties getProperties() {
        return properties();
    }

    public static void setProperties(Properties props) {
        properties = props != null ? props : initial();
    }

    public static String setProperty(String key, String value) {
        if (value == null) {
            throw new NullPointerException();
        }
        return (String) properties().setProperty(checkKey(key), value);
    }

    public static String clearProperty(String key) {
        return (String) properties().remove(checkKey(key));
    }

    /** Runtime.version().toString(): HotSpot's is java.runtime.version. */
    public static String runtimeVersion() {
        return properties().getProperty("java.runtime.version", "");
    }

    /** Runtime.version().feature(): the number java.runtime.version starts with. */
    public static int versionFeature() {
        String v = runtimeVersion();
        int n = 0;
        for (int i = 0; i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9'; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    public static String lineSeparator() {
        return "\n";
    }
}
