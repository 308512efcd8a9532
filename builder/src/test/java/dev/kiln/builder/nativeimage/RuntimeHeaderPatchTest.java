package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RuntimeHeaderPatch on the headers of the TeaVM Kiln builds with (read from its jar, as TeaVM
 * writes them): every failed bounds check and checkcast reaches guest/runtime/checks.c, and a
 * header without the text Kiln edits fails the build.
 */
class RuntimeHeaderPatchTest {
    @TempDir
    Path c;

    private void teavmHeaders() throws Exception {
        for (String h : new String[] {"core.h", "exceptions.h"}) {
            try (InputStream in = RuntimeHeaderPatch.class.getClassLoader()
                    .getResourceAsStream("org/teavm/backend/c/" + h)) {
                Files.write(c.resolve(h), in.readAllBytes());
            }
        }
    }

    @Test
    void failedChecksPassWhatFailed() throws Exception {
        teavmHeaders();
        RuntimeHeaderPatch.apply(c);
        String exceptions = Files.readString(c.resolve("exceptions.h"));
        String core = Files.readString(c.resolve("core.h"));
        assertFalse(exceptions.contains("teavm_throwArrayIndexOutOfBoundsException();"), exceptions);
        assertTrue(exceptions.split("kiln_throw_array_index\\(index, TEAVM_ARRAY_LENGTH\\(array\\)\\)", -1).length == 3,
                exceptions);
        assertTrue(exceptions.contains("__attribute__((error("), "a lower-bound-only check must not compile");
        assertTrue(core.contains("kiln_throw_class_cast(TEAVM_CLASS_OF(obj), cls)"), core);
        assertFalse(core.contains(": teavm_throwClassCastException();"), core);
        assertTrue(core.contains("#include <kiln/checks.h>"), core);
    }

    @Test
    void aChangedHeaderFailsTheBuild() throws Exception {
        teavmHeaders();
        Path exceptions = c.resolve("exceptions.h");
        Files.writeString(exceptions, Files.readString(exceptions).replace("index >= TEAVM_ARRAY_LENGTH(array)",
                "index >= teavm_length(array)"));
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> RuntimeHeaderPatch.apply(c));
        assertTrue(e.getMessage().contains("exceptions.h lacks"), e.getMessage());
    }

    @Test
    void aMissingHeaderFailsTheBuild() throws Exception {
        teavmHeaders();
        Files.delete(c.resolve("core.h"));
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> RuntimeHeaderPatch.apply(c));
        assertTrue(e.getMessage().contains("no core.h"), e.getMessage());
    }
}
