package dev.kiln.libos.teavm;

import org.teavm.interop.Import;

/** The control page the monitor writes (abi.h struct kiln_control): read with a load, no exit. */
final class GuestControl {
    private GuestControl() {
    }

    /** True once the monitor asked the image to stop (kiln stop, kiln run's SIGTERM). */
    @Import(name = "kiln_stop_requested")
    static native boolean stopRequested();
}
