package dev.kiln.libos.fs;

import java.io.InputStream;
import org.teavm.backend.c.runtime.CResources;

/**
 * ClassLoader.getResourceAsStream in a native image (the builder points TeaVM's method here):
 * the application's resources, compiled into the image by the builder under {@link #PREFIX} so
 * that no resource of Kiln's own jars can stand in for one of the application's.
 */
public final class AppResources {
    /** Where the builder puts resource NAME among TeaVM's C resources: PREFIX + NAME. */
    public static final String PREFIX = ".kiln-image/resources/";

    private AppResources() {
    }

    /** The resource's bytes, or null as on HotSpot when there is none (a name starting with '/' is none). */
    public static InputStream open(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        if (name.startsWith("/")) {
            return null;
        }
        return CResources.getResource(PREFIX + name);
    }
}
