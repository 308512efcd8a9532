package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** TeaVM's C class names, as its C target writes them into an image's symbols. */
class TeaVmCNameTest {
    @Test
    void packageInitialsThenSimpleName() {
        assertEquals("dklt_FiberBlocker", TeaVmCName.of("dev.kiln.libos.teavm.FiberBlocker"));
        assertEquals("jl_String", TeaVmCName.of("java.lang.String"));
    }

    @Test
    void nestedClassesJoinWithUnderscores() {
        assertEquals("s_Spinner_HotLoop", TeaVmCName.of("spin.Spinner$HotLoop"));
        assertEquals("ju_HashMap_Node", TeaVmCName.of("java.util.HashMap$Node"));
    }

    @Test
    void aClassOfTheUnnamedPackageIsItsSimpleName() {
        // as in an image of the conformance suite: ConcAtomics_Cls, meth_ConcAtomics_main, ConcAtomics_1Counter_Cls
        assertEquals("ConcAtomics", TeaVmCName.of("ConcAtomics"));
        assertEquals("ConcAtomics_1Counter", TeaVmCName.of("ConcAtomics$1Counter"));
    }
}
