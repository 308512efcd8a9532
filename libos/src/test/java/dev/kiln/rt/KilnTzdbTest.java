package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import org.junit.jupiter.api.Test;

/** KilnTzdb reads the JDK's own tzdb.dat into the rules the JDK's provider gives, for every zone. */
class KilnTzdbTest {
    private static KilnTzdb jdkDatabase() throws IOException {
        Path file = Path.of(System.getProperty("java.home"), "lib", "tzdb.dat");
        try (InputStream in = Files.newInputStream(file)) {
            return KilnTzdb.read(in);
        }
    }

    @Test
    void everyZoneHasTheJdksRulesAndVersion() throws IOException {
        KilnTzdb db = jdkDatabase();
        assertEquals(ZoneId.getAvailableZoneIds(), db.zoneIds());
        for (String id : db.zoneIds()) {
            assertEquals(ZoneRulesProvider.getRules(id, false), db.rules(id), id);
            assertEquals(ZoneRulesProvider.getVersions(id).firstKey(), db.version(), id);
        }
    }

    @Test
    void anUnknownZoneHasNoRules() throws IOException {
        assertNull(jdkDatabase().rules("Mars/Olympus_Mons"));
    }

    @Test
    void aFileOfAnotherFormatIsRefused() {
        byte[] bytes = {1, 0, 4, 'T', 'Z', 'D', 'X'};
        assertThrows(IOException.class, () -> KilnTzdb.read(new ByteArrayInputStream(bytes)));
    }
}
