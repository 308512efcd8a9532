package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failed gcc is one complete line with its first error, and the command and output indented
 * beneath (a soak run's build fuzz saw an error line holding the whole 400-character gcc command,
 * with gcc's output as unindented lines after it).
 */
class ToolFailureReportTest {
    @Test
    void theFirstLineCarriesTheToolsFirstErrorAndTheRestIsIndented() {
        String output = "In file included from classes/Main.c:1,\n                 from all.c:19:\n"
                + "classes/Main.h:3:10: fatal error: java/\u202eg/Object.h: No such file or directory\n"
                + "    3 | #include \"java/\u202eg/Object.h\"\n      |          ^~~~~~~~~~~~~~~~~~\n"
                + "compilation terminated.\n";
        List<String> lines = NativeImageBuilder.failureReport("gcc (compiling TeaVM's C output)", 1,
                List.of("gcc", "-O2", "-c", "all.c"), output).lines().toList();
        assertEquals("gcc (compiling TeaVM's C output) failed (exit 1): classes/Main.h:3:10: fatal error:"
                + " java/\\u202eg/Object.h: No such file or directory", lines.getFirst());
        assertEquals("    command: gcc -O2 -c all.c", lines.get(1));
        assertEquals(8, lines.size(), String.join("\n", lines));
        for (String l : lines.subList(1, lines.size())) assertTrue(l.startsWith("    "), l);
    }

    @Test
    void withoutAnErrorLineTheLastLineOfOutputIsTheCause() {
        String report = NativeImageBuilder.failureReport("objcopy (class list)", 2, List.of("objcopy"),
                "objcopy: warning: something\nobjcopy: cannot open file\n");
        assertEquals("objcopy (class list) failed (exit 2): objcopy: cannot open file", report.lines().findFirst().get());
        assertEquals("linking the image failed (exit 1): (no output)", NativeImageBuilder.failureReport(
                "linking the image", 1, List.of("gcc"), "").lines().findFirst().get());
    }

    @Test
    void aTeaVMExceptionIsOneLineWithItsLogBeneath() {
        String report = NativeImageBuilder.indentedBeneath("TeaVM failed: java.lang.IllegalArgumentException: x\u001b",
                "Running TeaVM\n\nsome \u202e detail\n");
        assertEquals("TeaVM failed: java.lang.IllegalArgumentException: x\\u001b\n    Running TeaVM\n"
                + "    some \\u202e detail", report);
    }
}
