package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CallSiteTables on C in TeaVM 0.16.0's form: equal entries share one id, every use is renumbered
 * to the entry it had, and a form it does not know fails the build. (Images built with it run the
 * conformance suite, whose stack traces and exception dispatch read the merged table.)
 */
class CallSiteTablesTest {
    @TempDir
    Path c;

    private void teavmOutput() throws Exception {
        Files.writeString(c.resolve("stack.h"), "typedef struct TeaVM_CallSiteLocation {\n    int32_t lineNumber;\n"
                + "} TeaVM_CallSiteLocation;\n");
        Files.writeString(c.resolve("callsites.c"), """
                #include "strings.h"
                static TeaVM_CallSiteLocation callSiteLocations_teavm_callSites[2] = { };
                TeaVM_CallSite teavm_callSites[5] = {
                    { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 0 },\s
                    { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 0 },\s
                    { .firstHandler = exceptionHandlers_teavm_callSites + 0, .location = callSiteLocations_teavm_callSites + 0 },\s
                    { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 1 },\s
                    { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 0 }
                };
                """);
        Files.createDirectories(c.resolve("classes/a"));
        Files.writeString(c.resolve("classes/a/B.c"), "x = TEAVM_WITH_CALL_SITE_ID(0, f(TEAVM_WITH_CALL_SITE_ID(1, "
                + "teavm_nullCheck(y))));\nTEAVM_WITH_CALL_SITE_ID(2, g());\nTEAVM_WITH_CALL_SITE_ID(3, h());\n"
                + "TEAVM_WITH_CALL_SITE_ID(4, i());\n");
    }

    @Test
    void equalEntriesShareAnIdAndTheCodeIsRenumbered() throws Exception {
        teavmOutput();
        CallSiteTables.Merged merged = CallSiteTables.merge(c);
        assertEquals(new CallSiteTables.Merged(5, 3), merged);
        String table = Files.readString(c.resolve("callsites.c"));
        assertTrue(table.contains("""
                TeaVM_CallSite teavm_callSites[3] = {
                    { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 0 },
                    { .firstHandler = exceptionHandlers_teavm_callSites + 0, .location = callSiteLocations_teavm_callSites + 0 },
                    { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 1 }
                };"""), table);
        assertTrue(table.startsWith("#include \"strings.h\"\nstatic TeaVM_CallSiteLocation"), table);
        assertEquals("x = TEAVM_WITH_CALL_SITE_ID(0, f(TEAVM_WITH_CALL_SITE_ID(0, teavm_nullCheck(y))));\n"
                + "TEAVM_WITH_CALL_SITE_ID(1, g());\nTEAVM_WITH_CALL_SITE_ID(2, h());\nTEAVM_WITH_CALL_SITE_ID(0, i());\n",
                Files.readString(c.resolve("classes/a/B.c")));
    }

    @Test
    void aTableInAnotherFormFailsTheBuild() throws Exception {
        teavmOutput();
        Files.writeString(c.resolve("callsites.c"), "TeaVM_CallSite teavm_callSites[2] = {\n    { .handlers = NULL },\n};\n");
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> CallSiteTables.merge(c));
        assertTrue(e.getMessage().contains("teavm_callSites"), e.getMessage());
    }

    @Test
    void aUsePastTheTableFailsTheBuild() throws Exception {
        teavmOutput();
        Files.writeString(c.resolve("classes/a/B.c"), "TEAVM_WITH_CALL_SITE_ID(5, f());\n");
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> CallSiteTables.merge(c));
        assertTrue(e.getMessage().contains("call site 5"), e.getMessage());
    }
}
