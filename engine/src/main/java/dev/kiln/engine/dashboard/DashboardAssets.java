package dev.kiln.engine.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's files, all part of Kiln: the page, its script and style (this package's
 * resources) and uPlot, the charting library, from its webjar (the npm package as Maven Central
 * serves it, a dependency of this module). Each is read from the classpath once, at start; one
 * that is missing stops the start with its name, rather than a page that half works.
 */
final class DashboardAssets {
    /** Where the webjar keeps uPlot's built files; the version is the dependency's (pom.xml). */
    static final String UPLOT_DIR = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String OWN_DIR = "dev/kiln/engine/dashboard/";

    /** A file served as it is. */
    record Asset(String contentType, byte[] bytes) {}

    private final Map<String, Asset> byPath = new LinkedHashMap<>();

    private DashboardAssets() {}

    /** Every asset by the path it is served at. */
    static DashboardAssets load() throws IOException {
        DashboardAssets a = new DashboardAssets();
        a.put("/", OWN_DIR + "index.html", "text/html; charset=utf-8");
        a.put("/dashboard.js", OWN_DIR + "dashboard.js", "text/javascript; charset=utf-8");
        a.put("/dashboard.css", OWN_DIR + "dashboard.css", "text/css; charset=utf-8");
        a.put("/uplot/uPlot.iife.min.js", UPLOT_DIR + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
        a.put("/uplot/uPlot.min.css", UPLOT_DIR + "uPlot.min.css", "text/css; charset=utf-8");
        return a;
    }

    private void put(String path, String resource, String contentType) throws IOException {
        try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the dashboard's file " + resource + " is not on the classpath (a broken build)");
            byPath.put(path, new Asset(contentType, in.readAllBytes()));
        }
    }

    /** The asset served at path, or null. */
    Asset at(String path) {
        return byPath.get(path);
    }

    /** The paths served, for tests. */
    java.util.Set<String> paths() {
        return java.util.Collections.unmodifiableSet(byPath.keySet());
    }
}
