package org.teavm.runtime;

import org.teavm.interop.Unmanaged;

/**
 * The one package-private piece of TeaVM's call-site tables that Kiln's capped stack walk
 * (dev.kiln.rt.KilnStackTraces) needs: the next location of a call site inlined into another
 * method. It lives in TeaVM's runtime package for that field alone.
 */
public final class KilnCallSiteLocations {
    private KilnCallSiteLocations() {
    }

    @Unmanaged
    public static CallSiteLocation next(CallSiteLocation location) {
        return location.next;
    }
}
