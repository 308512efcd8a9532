package dev.kiln.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the build fuzzer takes as one clear error: one error line, progress lines, indented context. */
class BuildFuzzerJudgeTest {
    @Test
    void oneErrorLineWithIndentedContextIsClear() {
        assertNull(BuildFuzzer.judge(125, "kiln: TeaVM: compiling Main to C\n"
                + "kiln: error: Main cannot be compiled to a native image: Method x was not found (1 problem; ...)\n"
                + "    Method x was not found\n        at Main.main(Main.java:1)\n"));
    }

    @Test
    void unindentedDetailsStackTracesAndOtherStatusesAreNot() {
        assertNotNull(BuildFuzzer.judge(125, "kiln: error: Main cannot be compiled:\nMethod x was not found\n"));
        assertNotNull(BuildFuzzer.judge(125, "kiln: error: one\nkiln: error: two\n"));
        assertNotNull(BuildFuzzer.judge(125, "kiln: error: x\n\tat Main.main(Main.java:1)\n"));
        assertNotNull(BuildFuzzer.judge(1, "kiln: error: x\n"));
        assertNotNull(BuildFuzzer.judge(125, "kiln: error: a \u001b[2J b\n"));
    }
}
