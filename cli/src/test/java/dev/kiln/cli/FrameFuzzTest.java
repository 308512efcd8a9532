package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bounded version of {@code kiln fuzz frames} (which sends 1,000,000): 50,000 frames against
 * the booted HTTP image, which must then serve its page and let every connection the fuzzing
 * opened go (its /api/stats counts one open connection: the one asking).
 */
class FrameFuzzTest {
    private static final long FRAMES = Long.getLong("kiln.fuzz.frames", 50_000);

    @Test
    void httpImageTakesFiftyThousandHostileFramesServesAndLeaksNothing() throws Exception {
        ServiceImages.requireNetFlags();
        Tools.require("curl", "ip");
        Path image = ServiceImages.image("examples/http-server");
        FrameFuzzRun.Result r = FrameFuzzRun.run(image, FRAMES, 0x5eedL, m -> System.out.println("[fuzz] " + m));
        System.out.println("[fuzz] " + r.line() + "\n[fuzz] /api/stats: " + r.stats());
        assertNull(r.vmEnd(), "the VM ended under fuzzing: " + r.line());
        assertEquals(FRAMES, r.sent());
        assertTrue(r.delivered() >= FRAMES * 3 / 4, "most frames reached the VM: " + r.line());
        assertTrue(r.handshakes() > 0, "the fuzzer also played peers that got connections: " + r.line());
        assertTrue(r.serving(), "the image still serves its page: " + r.line());
        assertEquals(0, r.leaked(), "connections left open in the image: " + r.line() + " " + r.stats());
    }
}
