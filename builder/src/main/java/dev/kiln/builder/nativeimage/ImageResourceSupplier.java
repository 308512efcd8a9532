package dev.kiln.builder.nativeimage;

import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

/**
 * Tells TeaVM's C backend which resources to compile into the image: those the builder staged
 * ({@link ImageData}), named in the TeaVM property {@link #PROPERTY}. TeaVM finds this class
 * through META-INF/services/org.teavm.classlib.ResourceSupplier on the builder's class path.
 */
public final class ImageResourceSupplier implements ResourceSupplier {
    static final String PROPERTY = "kiln.resources";

    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        String names = context.getProperties().getProperty(PROPERTY, "");
        return names.isEmpty() ? new String[0] : names.split("\n");
    }
}
