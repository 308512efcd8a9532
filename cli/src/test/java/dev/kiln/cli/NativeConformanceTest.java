package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The native conformance suite: every program under builder/src/test/conformance (and its
 * subdirectories, one per area: concurrency, behaviour, ...) and bench/compute (the CPU-heavy
 * ones, at small sizes) runs on HotSpot (a child `java`) and as a unikernel
 * (a VM on the real VMM, booted as `kiln run IMAGE -- PROGRAM` would), and the outputs are compared byte for byte,
 * exit statuses too. All programs share one image with the known differences'
 * (NativeDifferencesTest), built once per JVM by {@link SuiteImage}.
 *
 * <p>The console of a VM is one stream, so both sides merge stderr into stdout. Stack traces
 * are compared too (UncaughtException, StackTraces): Kiln prints the application's frames as
 * HotSpot does, so those programs keep their traces to the application's own code.
 */
class NativeConformanceTest {
    static SuiteImage suite;

    @BeforeAll
    static void buildSuite() throws Exception {
        suite = SuiteImage.get();
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return SuiteImage.conformancePrograms().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            SuiteImage.Run hs = suite.hotspot(name);
            SuiteImage.Run vm = suite.unikernel(name);
            assertEquals(hs.status(), vm.status(), name + ": exit status\nunikernel output:\n" + vm.output());
            assertEquals(hs.output(), vm.output(), name + ": output");
        }));
    }
}
