package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * examples/dns-server's zone: the committed ZoneData.java is what zonec makes of the zone file
 * (so the image serves the zone file's contents), and zonec rejects mistakes naming the line.
 */
class ZoneCompilerTest {
    private static final Path EXAMPLE = Tools.example("dns-server");

    private static ClassLoader zonecLoader;

    /** Runs zonec's main in this JVM (compiled once): status 0, or 1 with the exception's message. */
    private static synchronized Tools.Result zonec(Path zone, Path out) throws Exception {
        if (zonecLoader == null) {
            Path classes = Files.createTempDirectory("zonec");
            classes.toFile().deleteOnExit();
            List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
            try (var s = Files.list(EXAMPLE.resolve("zonec/zonec"))) {
                s.map(Path::toString).filter(f -> f.endsWith(".java")).forEach(args::add);
            }
            assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0])));
            zonecLoader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()});
        }
        try {
            zonecLoader.loadClass("zonec.ZoneCompiler").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {zone.toString(), out.toString()});
            return new Tools.Result(0, "");
        } catch (java.lang.reflect.InvocationTargetException e) {
            return new Tools.Result(1, String.valueOf(e.getCause()));
        }
    }

    @Test
    void committedZoneDataIsTheCompiledZoneFile() throws Exception {
        Path out = Files.createTempFile("ZoneData", ".java");
        try {
            Tools.Result r = zonec(EXAMPLE.resolve("zone/kiln.test.zone"), out);
            assertEquals(0, r.status(), r.output());
            assertEquals(Files.readString(out), Files.readString(EXAMPLE.resolve("src/dnsserver/ZoneData.java")),
                    "src/dnsserver/ZoneData.java is stale: regenerate it with zonec (see zone/kiln.test.zone)");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void mistakesAreReportedWithTheirLine() throws Exception {
        String[][] cases = {
            {"$ORIGIN t.\n$TTL 60\n@ IN SOA a b 1 2 3 4 5\nx IN A 10.0.0.256\n", "zone line 4: bad IPv4 address"},
            {"$ORIGIN t.\n$TTL 60\n@ IN SOA a b 1 2 3 4 5\nx IN MX 10 y\n", "zone line 4: unsupported record type MX"},
            {"$ORIGIN t.\n$TTL 60\n@ IN SOA a b ( 1 2\n 3 4 5\n", "unclosed parenthesis"},
            {"$ORIGIN t.\n$TTL 60\n@ IN SOA a b 1 2 3 4 5\nx.other. IN A 1.2.3.4\n", "zone line 4: x.other. is outside the zone t."},
            {"$ORIGIN t.\n$TTL 60\nx IN AAAA 1::2::3\n", "zone line 3: bad IPv6 address"},
            {"$ORIGIN t.\n$TTL 60\nx IN TXT \"unterminated\n", "zone line 3: unterminated string"},
            {"$ORIGIN t.\n$TTL 60\nx IN A 1.2.3.4\n", "exactly one SOA record"},
        };
        Path zone = Files.createTempFile("bad", ".zone");
        Path out = Files.createTempFile("ZoneData", ".java");
        try {
            for (String[] c : cases) {
                Files.writeString(zone, c[0]);
                Tools.Result r = zonec(zone, out);
                assertTrue(r.status() != 0 && r.output().contains(c[1]), c[0] + "->\n" + r.output());
            }
        } finally {
            Files.deleteIfExists(zone);
            Files.deleteIfExists(out);
        }
    }
}
