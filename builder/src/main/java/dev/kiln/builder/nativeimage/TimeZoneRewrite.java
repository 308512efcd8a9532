package dev.kiln.builder.nativeimage;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * java.time's time zones as HotSpot's. TeaVM's java.time (a threetenbp port) takes its rules from
 * TeaVM's own tz database, compiled by its Joda-derived compiler, whose version and zone list are
 * not the JDK's (598 zones, no version). Its one provider, JodaRulesProvider, now asks
 * dev.kiln.rt.KilnTimeZones, which reads the building JDK's lib/tzdb.dat (staged by
 * {@link TimeZoneData}, compiled in only when KilnTimeZones is reachable). Also: ZoneRules'
 * toString as the JDK's, and ZoneId.systemDefault() from the image's TZ.
 */
final class TimeZoneRewrite {
    static final String PROVIDER = "java.time.zone.JodaRulesProvider";
    static final String STANDARD_RULES = "java.time.zone.StandardZoneRules";
    static final String FIXED_RULES = "java.time.zone.ZoneRules$Fixed";
    static final String ZONE_ID = "java.time.ZoneId";
    static final String TIME_ZONES = Ir.RT + "KilnTimeZones";

    private static final ValueType STRING = ValueType.object("java.lang.String");
    private static final ValueType RULES = ValueType.object("java.time.zone.ZoneRules");

    private TimeZoneRewrite() {
    }

    static boolean appliesTo(String className) {
        return className.equals(PROVIDER) || className.equals(STANDARD_RULES) || className.equals(FIXED_RULES)
                || className.equals(ZONE_ID);
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        switch (cls.getName()) {
            case PROVIDER -> {
                ValueType set = ValueType.object("java.util.Set");
                ValueType map = ValueType.object("java.util.NavigableMap");
                ProgramEmitter ids = replace(cls, context, new MethodDescriptor("provideZoneIds", set));
                ids.invoke(TIME_ZONES, "zoneIds", set).returnValue();
                ProgramEmitter rules = replace(cls, context,
                        new MethodDescriptor("provideRules", STRING, ValueType.BOOLEAN, RULES));
                rules.invoke(TIME_ZONES, "rules", RULES, rules.var(1, STRING)).returnValue();
                ProgramEmitter versions = replace(cls, context, new MethodDescriptor("provideVersions", STRING, map));
                versions.invoke(TIME_ZONES, "versions", map, versions.var(1, STRING)).returnValue();
            }
            case STANDARD_RULES, FIXED_RULES -> {
                ProgramEmitter pe = replace(cls, context, new MethodDescriptor("toString", STRING));
                ValueEmitter self = pe.var(0, ValueType.object(cls.getName()));
                pe.invoke(TIME_ZONES, "rulesToString", STRING, self.cast(RULES)).returnValue();
            }
            case ZONE_ID -> {
                ValueType zoneId = ValueType.object(ZONE_ID);
                replace(cls, context, new MethodDescriptor("systemDefault", zoneId))
                        .invoke(TIME_ZONES, "systemDefault", zoneId).returnValue();
            }
            default -> throw new IllegalArgumentException(cls.getName());
        }
    }

    /** An emitter for a new body of the class's method, which must be there (else TeaVM's library changed). */
    private static ProgramEmitter replace(ClassHolder cls, ClassHolderTransformerContext context,
            MethodDescriptor desc) {
        MethodHolder method = cls.getMethod(desc);
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException(cls.getName() + " has no " + desc + " to replace");
        }
        method.setProgram(null);
        return ProgramEmitter.create(method, context.getHierarchy());
    }
}
