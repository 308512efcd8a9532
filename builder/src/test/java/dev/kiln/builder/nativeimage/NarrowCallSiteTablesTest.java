package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NarrowCallSiteTables on C in TeaVM 0.16.0's form: the structs get 32-bit pointer fields, the
 * tables become assembly whose words are the same addresses (an entry's fields in order, a field
 * C left out as 0, element offsets at the narrowed sizes), reads of the pointer fields are widened
 * back, nested ones too, and a form it does not know fails the build. (Images built with it run
 * the conformance suite, whose exception dispatch and stack traces read these tables, and the
 * debugger tests, which read them from outside.)
 */
class NarrowCallSiteTablesTest {
    @TempDir
    Path c;

    private static final String CALLSITES = """
            #include "strings.h"
            static TeaVM_MethodLocation methodLocations_teavm_callSites[2] = {
                { .fileName = NULL, .className = TEAVM_GET_STRING_ADDRESS(2), .methodName = TEAVM_GET_STRING_ADDRESS(113) },
                { .fileName = TEAVM_GET_STRING_ADDRESS(198), .className = TEAVM_GET_STRING_ADDRESS(2), .methodName = TEAVM_GET_STRING_ADDRESS(0) }
            };
            static TeaVM_ExceptionHandler exceptionHandlers_teavm_callSites[2] = {
                { .id = 2, .exceptionClass = (TeaVM_Class*) &jl_Throwable_Cls, .next = exceptionHandlers_teavm_callSites+1 },
                { .id = 1, .exceptionClass = NULL, .next = NULL }
            };
            static TeaVM_CallSiteLocation callSiteLocations_teavm_callSites[2] = {
                { .method = methodLocations_teavm_callSites + 0, .lineNumber = -1 },
                { .method = methodLocations_teavm_callSites + 1, .lineNumber = 62, .next = callSiteLocations_teavm_callSites + 0 }
            };
            TeaVM_CallSite teavm_callSites[2] = {
                { .firstHandler = NULL, .location = callSiteLocations_teavm_callSites + 1 },
                { .firstHandler = exceptionHandlers_teavm_callSites + 0, .location = callSiteLocations_teavm_callSites + 0 }
            };
            """;

    private void teavmOutput() throws Exception {
        Files.writeString(c.resolve("stack.h"), "#pragma once\n\n" + NarrowCallSiteTables.TEAVM_STRUCTS + "\n#if X\n#endif\n");
        Files.writeString(c.resolve("callsites.c"), CALLSITES);
        Files.createDirectories(c.resolve("classes/a"));
        Files.writeString(c.resolve("classes/a/B.c"), """
                x = TEAVM_FIELD(TEAVM_FIND_CALLSITE(id, frame), TeaVM_CallSite, firstHandler);
                n = TEAVM_FIELD(TEAVM_FIELD(m, TeaVM_MethodLocation, methodName), TeaVM_StringPtr, value);
                l = TEAVM_FIELD(loc, TeaVM_CallSiteLocation, lineNumber);
                f = TEAVM_FIELD(o, cls_a_B, fld_next);
                """);
    }

    @Test
    void theTablesBecomeAssemblyWithTheSameAddressesIn32Bits() throws Exception {
        teavmOutput();
        NarrowCallSiteTables.apply(c);
        String text = Files.readString(c.resolve("callsites.c"));
        List<String> longs = text.lines().filter(l -> l.contains(".long ")).map(l -> l.strip()
                .replace("\"    .long ", "").replace("\\n\"", "")).toList();
        assertEquals(List.of(
                "0,teavm_stringPool+16,teavm_stringPool+904", "teavm_stringPool+1584,teavm_stringPool+16,teavm_stringPool+0",
                "2,jl_Throwable_Cls,exceptionHandlers_teavm_callSites+12", "1,0,0",
                "methodLocations_teavm_callSites+0,-1,0",
                "methodLocations_teavm_callSites+12,62,callSiteLocations_teavm_callSites+0",
                "0,callSiteLocations_teavm_callSites+12", "exceptionHandlers_teavm_callSites+0,callSiteLocations_teavm_callSites+0"),
                longs);
        assertTrue(text.contains("extern TeaVM_CallSite teavm_callSites[2];\n"), text);
        assertTrue(text.contains("\"    .globl teavm_callSites\\n\""), text);
        assertTrue(text.contains("\"    .size callSiteLocations_teavm_callSites, 24\\n\""), text);
        assertTrue(text.contains(".pushsection " + NarrowCallSiteTables.SECTION), text);
        assertTrue(text.contains("_Static_assert(sizeof(TeaVM_CallSite) == 8"), text);
        assertFalse(text.contains("= {"), text); // no C table is left
        String header = Files.readString(c.resolve("stack.h"));
        assertTrue(header.contains("typedef struct TeaVM_CallSiteLocation {\n    uint32_t method; /* TeaVM_MethodLocation* */\n"
                + "    int32_t lineNumber;\n    uint32_t next; /* TeaVM_CallSiteLocation* */\n} TeaVM_CallSiteLocation;\n"), header);
        assertTrue(header.startsWith("#pragma once\n") && header.endsWith("\n#if X\n#endif\n"), header);
        assertEquals("""
                x = ((TeaVM_ExceptionHandler*) (uintptr_t) TEAVM_FIELD(TEAVM_FIND_CALLSITE(id, frame), TeaVM_CallSite, firstHandler));
                n = TEAVM_FIELD(((TeaVM_String**) (uintptr_t) TEAVM_FIELD(m, TeaVM_MethodLocation, methodName)), TeaVM_StringPtr, value);
                l = TEAVM_FIELD(loc, TeaVM_CallSiteLocation, lineNumber);
                f = TEAVM_FIELD(o, cls_a_B, fld_next);
                """, Files.readString(c.resolve("classes/a/B.c")));
    }

    @Test
    void structsInAnotherFormFailTheBuild() throws Exception {
        teavmOutput();
        Files.writeString(c.resolve("stack.h"), NarrowCallSiteTables.TEAVM_STRUCTS.replace("int32_t lineNumber;", "int16_t line;"));
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> NarrowCallSiteTables.apply(c));
        assertTrue(e.getMessage().contains("stack.h"), e.getMessage());
    }

    @Test
    void anAddressKilnCannotWriteFailsTheBuild() throws Exception {
        teavmOutput();
        Files.writeString(c.resolve("callsites.c"), CALLSITES.replace("(TeaVM_Class*) &jl_Throwable_Cls", "teavm_classOf(3)"));
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> NarrowCallSiteTables.apply(c));
        assertTrue(e.getMessage().contains("teavm_classOf(3)"), e.getMessage());
    }

    @Test
    void aFieldTheStructDoesNotHaveFailsTheBuild() throws Exception {
        teavmOutput();
        Files.writeString(c.resolve("callsites.c"), CALLSITES.replace(".lineNumber = 62", ".column = 62"));
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> NarrowCallSiteTables.apply(c));
        assertTrue(e.getMessage().contains(".column = 62"), e.getMessage());
    }
}
