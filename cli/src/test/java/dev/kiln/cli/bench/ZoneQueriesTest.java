package dev.kiln.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query file of `kiln bench dns`, from master-file text and from the DNS example's own zone. */
class ZoneQueriesTest {
    @Test
    void everyRecordSetOnceWithAbsoluteNames() {
        String zone = """
                $ORIGIN example.
                $TTL 60
                @   IN SOA ns1 host ( 1 ; serial
                        2 3 4 5 )
                    IN NS ns1
                ns1 IN A 10.0.0.1
                www 30 IN A 10.0.0.2
                        A 10.0.0.3 ; a second A: the same record set
                    IN TXT "a ; not a comment" "b (c)"
                abs.other. IN AAAA ::1
                $ORIGIN sub.example.
                deep IN a 10.0.0.4
                """;
        assertEquals(List.of("example. SOA", "example. NS", "ns1.example. A", "www.example. A", "www.example. TXT",
                "abs.other. AAAA", "deep.sub.example. A"), ZoneQueries.of(zone, "example."));
    }

    @Test
    void badZonesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ZoneQueries.of("  IN A 10.0.0.1\n", "example."));
        assertThrows(IllegalArgumentException.class, () -> ZoneQueries.of("@ IN SOA ( 1 2\n", "example."));
        assertThrows(IllegalArgumentException.class, () -> ZoneQueries.of("; nothing\n", "example."));
    }

    @Test
    void theDnsExamplesZone() throws Exception {
        Path zone = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/dns-server/zone/kiln.test.zone");
        List<String> q = ZoneQueries.of(Files.readString(zone), "kiln.test.");
        assertEquals("kiln.test. SOA", q.getFirst());
        assertEquals(true, q.contains("a.b.deep.kiln.test. A"), q.toString());
        assertEquals(true, q.contains("MixedCase.kiln.test. A"), q.toString());
    }
}
