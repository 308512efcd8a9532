package dev.kiln.vmm.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TeaVM's C function names back to Java, with the class boundary from the image's class symbols. */
class TeaVmNamesTest {
    private final TeaVmNames names = new TeaVmNames(
            List.of("dklt_FiberBlocker", "s_Spinner", "s_Spinner_HotLoop", "jl_String", "h_Routes"),
            List.of("dev.kiln.libos.teavm.FiberBlocker", "spin.Spinner", "java.lang.String"));

    @Test
    void javaNames() {
        assertEquals(Optional.of("dev.kiln.libos.teavm.FiberBlocker.wake"), names.javaMethod("meth_dklt_FiberBlocker_wake"));
        assertEquals(Optional.of("java.lang.String.<init>"), names.javaMethod("meth_jl_String__init_"));
        assertEquals(Optional.of("spin.Spinner$HotLoop.burn_cycles"), names.javaMethod("meth_s_Spinner_HotLoop_burn_cycles"));
        assertEquals(Optional.of("spin.Spinner.main"), names.javaMethod("meth_s_Spinner_main"));
        // a class no call site names keeps its package's initials
        assertEquals(Optional.of("h.Routes.handle"), names.javaMethod("meth_h_Routes_handle"));
        assertEquals(Optional.empty(), names.javaMethod("memcpy"));
        assertEquals(Optional.empty(), names.javaMethod("meth_unknown_thing"));
    }
}
