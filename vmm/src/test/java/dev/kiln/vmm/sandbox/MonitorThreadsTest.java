package dev.kiln.vmm.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A confined thread starts monitor threads through the unconfined launcher: they inherit no filter. */
class MonitorThreadsTest {
    @BeforeAll
    static void launcherFromAnUnconfinedThread() {
        MonitorThreads.ready(); // as PortRelay does before its threads confine themselves
    }

    @Test
    void aThreadStartedFromAConfinedThreadIsNotConfined() throws Exception {
        int[] launched = {-1}, starter = {-1};
        Confined.run(MonitorFilters.jvmThread(), () -> {
            Thread t = MonitorThreads.start("kiln-test-launched", () -> {
                try {
                    launched[0] = ThreadStatus.ownSeccompMode();
                    List<Integer> modes = ThreadStatus.seccompModes("confined-test");
                    starter[0] = modes.size() == 1 ? modes.get(0) : -modes.size();
                } catch (IOException e) {
                    launched[0] = -100;
                }
            });
            t.join();
            return null;
        });
        assertEquals(0, launched[0], "the launched thread's seccomp mode (0: no filter)");
        assertEquals(2, starter[0], "the confined starter's seccomp mode, seen from the launched thread (2: filter)");
    }
}
