package dev.kiln.rt;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesException;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.teavm.backend.c.runtime.CResources;

/**
 * java.time's zone rules in a native image: the building JDK's tz database ({@link KilnTzdb}),
 * which the builder compiles in only when this class is reachable (its TimeZoneRewrite points
 * TeaVM's ZoneRulesProvider here instead of TeaVM's own database, so zones have the rules and
 * the version HotSpot of the same JDK has), and the image's default zone.
 */
public final class KilnTimeZones {
    /** The C resource the builder stages the JDK's lib/tzdb.dat under (builder: TimeZoneData). */
    public static final String RESOURCE = ".kiln-image/tzdb.dat";

    private static KilnTzdb database;

    private KilnTimeZones() {
    }

    private static synchronized KilnTzdb database() {
        if (database == null) {
            InputStream in = CResources.getResource(RESOURCE);
            if (in == null) {
                throw new ZoneRulesException("No time-zone data files registered");
            }
            try (in) {
                database = KilnTzdb.read(in);
            } catch (IOException e) {
                throw new ZoneRulesException("Unable to load TZDB time-zone rules", e);
            }
        }
        return database;
    }

    /** ZoneRulesProvider.provideZoneIds. */
    public static Set<String> zoneIds() {
        return database().zoneIds();
    }

    /** ZoneRulesProvider.provideRules: the JDK's message for an id it does not know. */
    public static ZoneRules rules(String zoneId) {
        ZoneRules rules = database().rules(zoneId);
        if (rules == null) {
            throw new ZoneRulesException("Unknown time-zone ID: " + zoneId);
        }
        return rules;
    }

    /** ZoneRulesProvider.provideVersions: one version, the database's. */
    public static NavigableMap<String, ZoneRules> versions(String zoneId) {
        NavigableMap<String, ZoneRules> map = new TreeMap<>();
        map.put(database().version(), rules(zoneId));
        return map;
    }

    /**
     * ZoneRules.toString as the JDK's: its newest standard offset (TeaVM's class library names its
     * subclasses, "StandardZoneRules[...]" and "FixedRules:+01:00").
     */
    public static String rulesToString(ZoneRules rules) {
        return "ZoneRules[currentStandardOffset=" + rules.getStandardOffset(Instant.MAX) + "]";
    }

    /**
     * ZoneId.systemDefault(): the zone the image's environment names in TZ (kiln.properties'
     * env.TZ=, kiln run --env TZ=...; a leading ':' is dropped, as glibc and HotSpot do), else
     * GMT, which is what HotSpot falls back to when neither TZ nor /etc/localtime names a zone
     * (an image has no /etc), and also for a TZ it does not know.
     */
    public static ZoneId systemDefault() {
        String tz = System.getenv("TZ");
        if (tz != null && tz.startsWith(":")) {
            tz = tz.substring(1);
        }
        if (tz != null && !tz.isEmpty()) {
            try {
                return ZoneId.of(tz, ZoneId.SHORT_IDS);
            } catch (DateTimeException e) {
                // HotSpot too takes GMT for a zone it cannot find.
            }
        }
        return ZoneId.of("GMT");
    }
}
