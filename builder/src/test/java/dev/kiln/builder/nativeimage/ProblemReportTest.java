package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report of TeaVM's problems: its first line is a complete answer (seen when a bit-flipped
 * class file named a class that does not exist, and the first line only said "cannot be
 * compiled"), the rest is indented context, and names from the input cannot break lines.
 */
class ProblemReportTest {
    @Test
    void theFirstLineNamesTheFirstProblemAndTheRestIsIndented() {
        String rendered = "Method java.lang.System.out()Lx/io/PrintStream; was not found\n"
                + "    at Main.main(Main.java:1)\n"
                + "Class a\u001bb was not found\n"
                + "    at Main.main(Main.java:2)\n\n";
        List<String> lines = NativeImageBuilder.problemReport("Main", 2, rendered).lines().toList();
        assertEquals("Main cannot be compiled to a native image: Method java.lang.System.out()Lx/io/PrintStream;"
                + " was not found (2 problems; reflection, dynamic class loading, JNI and JDK classes missing"
                + " from TeaVM's class library are not supported)", lines.getFirst());
        assertEquals(5, lines.size(), String.join("\n", lines));
        for (String l : lines.subList(1, lines.size())) assertTrue(l.startsWith("    "), l);
        assertEquals("    Class a\\u001bb was not found", lines.get(3));
    }

    @Test
    void anEmptyRenderingStillGivesOneCompleteLine() {
        assertEquals("Main cannot be compiled to a native image: (TeaVM gave no description) (1 problem; reflection,"
                + " dynamic class loading, JNI and JDK classes missing from TeaVM's class library are not supported)",
                NativeImageBuilder.problemReport("Main", 1, " \n"));
    }
}
