package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

/**
 * The tz database of a native image: the building JDK's own lib/tzdb.dat, byte for byte, so that
 * java.time's zones in an image have the rules (and version) HotSpot of the same JDK has. The
 * builder stages it beside the classes TeaVM reads on every build, but it becomes one of TeaVM's
 * C resources only when the program reaches dev.kiln.rt.KilnTimeZones (TimeZoneRewrite sends
 * java.time's ZoneRulesProvider there): this supplier runs after TeaVM's dependency analysis and
 * sees only the classes the image compiles. An image without time zones does not grow.
 * TeaVM finds it through META-INF/services/org.teavm.classlib.ResourceSupplier.
 */
public final class TimeZoneData implements ResourceSupplier {
    /** libos's KilnTimeZones.RESOURCE: the name the image reads it under. */
    static final String RESOURCE = ".kiln-image/tzdb.dat";

    /** The building JDK's database (TzdbZoneRulesProvider reads the same file). */
    static Path jdkDatabase() {
        return Path.of(System.getProperty("java.home"), "lib", "tzdb.dat");
    }

    /** Copies the JDK's database under {@code classes}; a JDK without one leaves nothing (a build that needs it then fails naming the resource). */
    static void stage(Path classes) throws IOException {
        Path source = jdkDatabase();
        if (Files.isRegularFile(source)) {
            Path target = classes.resolve(RESOURCE);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        }
    }

    /** Part of the build cache key: a JDK update with new tz rules gives a new image. */
    static void hash(MessageDigest md) throws IOException {
        Path source = jdkDatabase();
        md.update(("tzdb " + (Files.isRegularFile(source) ? Files.size(source) : -1) + "\n").getBytes());
        if (Files.isRegularFile(source)) {
            md.update(Files.readAllBytes(source));
        }
    }

    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        boolean used = context.getClassSource().get(TimeZoneRewrite.TIME_ZONES) != null;
        return used ? new String[] {RESOURCE} : new String[0];
    }
}
