package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The known differences from HotSpot (docs/native-images.md, "Known differences from HotSpot"),
 * each a program under builder/src/test/differences that prints the values HotSpot and an image
 * disagree on: run on both, the outputs must DIFFER, so the list stays true. When one comes out
 * equal, Kiln fixed it (or HotSpot changed): the program moves into conformance/, where it is
 * checked to be equal, and out of the docs' list. The programs are compiled into the conformance
 * suite's image ({@link SuiteImage}), so they cost no second TeaVM and gcc build.
 */
class NativeDifferencesTest {
    static SuiteImage suite;

    @BeforeAll
    static void buildSuite() throws Exception {
        suite = SuiteImage.get();
    }

    @TestFactory
    Stream<DynamicTest> differences() throws IOException {
        return SuiteImage.differencePrograms().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            SuiteImage.Run hs = suite.hotspot(name);
            SuiteImage.Run vm = suite.unikernel(name);
            // Both must have run the program to its end: a crash or a missing program differs for no good reason.
            assertTrue(hs.output().contains("end of " + name), name + " on HotSpot did not finish:\n" + hs.output());
            assertTrue(vm.output().contains("end of " + name), name + " in the image did not finish:\n" + vm.output());
            assertFalse(hs.equals(vm), name + " now prints the same as HotSpot (fixed? move " + name
                    + " into conformance/ and out of docs' known differences):\n" + vm.output());
        }));
    }
}
