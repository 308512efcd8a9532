package dev.kiln.rt;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JDK's time-zone database in its own binary format (the building JDK's lib/tzdb.dat, which
 * the builder copies into an image that uses time zones), read into java.time's ZoneRules. The
 * format is the one java.time.zone.TzdbZoneRulesProvider reads, as its Javadoc and serialized
 * form (java.time.zone.Ser) describe it: a header ("TZDB", versions, region ids), each zone's
 * rules as a serialized ZoneRules, then which rules each region has. A zone's rules are decoded
 * the first time it is asked for, so an image that uses two zones decodes two.
 *
 * <p>Plain java.time only: on HotSpot (KilnTzdbTest) the rules it builds equal the JDK's own for
 * every zone; in an image java.time is TeaVM's, whose ZoneRules.of takes the same lists.
 */
public final class KilnTzdb {
    private static final int MAX_TRANSITIONS = 1024;

    private final String version;
    private final Set<String> zoneIds;
    private final Map<String, Object> regionRules = new HashMap<>();

    private KilnTzdb(String version, Map<String, byte[]> rules) {
        this.version = version;
        this.regionRules.putAll(rules);
        this.zoneIds = Collections.unmodifiableSet(new TreeSet<>(rules.keySet()));
    }

    /** Reads a whole tzdb.dat; the stream is left open. */
    public static KilnTzdb read(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        if (in.readByte() != 1 || !"TZDB".equals(in.readUTF())) {
            throw new IOException("not a TZDB time-zone file");
        }
        int versionCount = in.readShort();
        String version = null;
        for (int i = 0; i < versionCount; i++) {
            version = in.readUTF();
        }
        String[] regions = new String[in.readShort()];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = in.readUTF();
        }
        byte[][] rules = new byte[in.readShort() & 0xffff][];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = new byte[in.readShort() & 0xffff];
            in.readFully(rules[i]);
        }
        // The JDK keeps the last version's links; the files it ships have one version.
        Map<String, byte[]> regionToRules = new HashMap<>();
        for (int v = 0; v < versionCount; v++) {
            regionToRules.clear();
            int count = in.readShort();
            for (int j = 0; j < count; j++) {
                String region = regions[in.readShort()];
                regionToRules.put(region, rules[in.readShort() & 0xffff]);
            }
        }
        if (version == null) {
            throw new IOException("TZDB time-zone file without a version");
        }
        return new KilnTzdb(version, regionToRules);
    }

    /** The tz database's version, such as "2025b" (ZoneRulesProvider.getVersions' key). */
    public String version() {
        return version;
    }

    /** The region ids, as ZoneId.getAvailableZoneIds() lists them. */
    public Set<String> zoneIds() {
        return zoneIds;
    }

    /** The zone's rules, or null when the database has no such region. */
    public synchronized ZoneRules rules(String zoneId) {
        Object entry = regionRules.get(zoneId);
        if (entry instanceof byte[] bytes) {
            try {
                entry = decode(new DataInputStream(new java.io.ByteArrayInputStream(bytes)));
            } catch (IOException | RuntimeException e) {
                throw new java.time.zone.ZoneRulesException("Invalid binary time-zone data: TZDB:" + zoneId
                        + ", version: " + version, e);
            }
            regionRules.put(zoneId, entry);
        }
        return (ZoneRules) entry;
    }

    /** One serialized ZoneRules: its type byte (1), then the arrays ZoneRules.writeExternal writes. */
    private static ZoneRules decode(DataInputStream in) throws IOException {
        if (in.readByte() != 1) {
            throw new IOException("not a serialized ZoneRules");
        }
        long[] standardTransitions = epochSeconds(in, in.readInt());
        ZoneOffset[] standardOffsets = offsets(in, standardTransitions.length + 1);
        long[] savingsTransitions = epochSeconds(in, in.readInt());
        ZoneOffset[] wallOffsets = offsets(in, savingsTransitions.length + 1);
        int ruleCount = in.readByte();
        if (ruleCount > 16) {
            throw new IOException("too many transition rules");
        }
        List<ZoneOffsetTransitionRule> lastRules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            lastRules.add(transitionRule(in));
        }
        return ZoneRules.of(standardOffsets[0], wallOffsets[0], transitions(standardTransitions, standardOffsets),
                transitions(savingsTransitions, wallOffsets), lastRules);
    }

    private static List<ZoneOffsetTransition> transitions(long[] epochSeconds, ZoneOffset[] offsets) {
        List<ZoneOffsetTransition> list = new ArrayList<>(epochSeconds.length);
        for (int i = 0; i < epochSeconds.length; i++) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(epochSeconds[i], 0, offsets[i]);
            list.add(ZoneOffsetTransition.of(local, offsets[i], offsets[i + 1]));
        }
        return list;
    }

    private static long[] epochSeconds(DataInputStream in, int count) throws IOException {
        if (count < 0 || count > MAX_TRANSITIONS) {
            throw new IOException("too many transitions: " + count);
        }
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = epochSecond(in);
        }
        return result;
    }

    private static ZoneOffset[] offsets(DataInputStream in, int count) throws IOException {
        ZoneOffset[] result = new ZoneOffset[count];
        for (int i = 0; i < count; i++) {
            result[i] = offset(in);
        }
        return result;
    }

    /** Three bytes counting quarter hours from 1825, or 255 and the full long. */
    private static long epochSecond(DataInputStream in) throws IOException {
        int high = in.readByte() & 255;
        if (high == 255) {
            return in.readLong();
        }
        int middle = in.readByte() & 255;
        int low = in.readByte() & 255;
        long quarterHours = (high << 16) + (middle << 8) + low;
        return quarterHours * 900 - 4575744000L;
    }

    /** One byte of quarter hours, or 127 and the seconds. */
    private static ZoneOffset offset(DataInputStream in) throws IOException {
        int quarterHours = in.readByte();
        return ZoneOffset.ofTotalSeconds(quarterHours == 127 ? in.readInt() : quarterHours * 900);
    }

    /** ZoneOffsetTransitionRule's packed int, with the fields that do not fit in it after it. */
    private static ZoneOffsetTransitionRule transitionRule(DataInputStream in) throws IOException {
        int data = in.readInt();
        Month month = Month.of(data >>> 28);
        int dayOfMonth = ((data & (63 << 22)) >>> 22) - 32;
        int dayOfWeekByte = (data & (7 << 19)) >>> 19;
        DayOfWeek dayOfWeek = dayOfWeekByte == 0 ? null : DayOfWeek.of(dayOfWeekByte);
        int timeByte = (data & (31 << 14)) >>> 14;
        TimeDefinition definition = TimeDefinition.values()[(data & (3 << 12)) >>> 12];
        int standardByte = (data & (255 << 4)) >>> 4;
        int beforeByte = (data & (3 << 2)) >>> 2;
        int afterByte = data & 3;
        LocalTime time = timeByte == 31 ? LocalTime.ofSecondOfDay(in.readInt()) : LocalTime.of(timeByte % 24, 0);
        ZoneOffset standard = ZoneOffset.ofTotalSeconds(standardByte == 255 ? in.readInt() : (standardByte - 128) * 900);
        ZoneOffset before = ZoneOffset.ofTotalSeconds(
                beforeByte == 3 ? in.readInt() : standard.getTotalSeconds() + beforeByte * 1800);
        ZoneOffset after = ZoneOffset.ofTotalSeconds(
                afterByte == 3 ? in.readInt() : standard.getTotalSeconds() + afterByte * 1800);
        return ZoneOffsetTransitionRule.of(month, dayOfMonth, dayOfWeek, time, timeByte == 24, definition, standard,
                before, after);
    }
}
