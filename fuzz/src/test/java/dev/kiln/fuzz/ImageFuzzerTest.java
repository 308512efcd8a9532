package dev.kiln.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A bounded run of the image fuzzer over the C test guests, through the loader and the manifest
 * parser, booting what loads (kiln fuzz images adds the examples and kiln inspect: the CLI's test).
 */
class ImageFuzzerTest {
    @Test
    void mutatedImagesAreRefusedWithOneClearLineOrBoot() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        List<Path> seeds = List.of(Prerequisites.guest("hello"), Prerequisites.guest("manifest"),
                Prerequisites.guest("bootinfo"), Prerequisites.guest("exit42"));
        ImageFuzzer.Result r = ImageFuzzer.run(new ImageFuzzer.Options(seeds, 3000, seed, null, Prerequisites.kvm(),
                Duration.ofSeconds(2), 2), line -> System.out.println("[fuzz] " + line));
        System.out.println("[fuzz] " + r.figures());
        String context = "seed " + seed + "\n" + String.join("\n", r.failures());
        assertEquals(0, r.escaped(), context);
        assertEquals(0, r.oom(), context);
        assertEquals(0, r.unclear(), context);
        assertEquals(3000, r.refused() + r.parsed(), r.figures());
        assertTrue(r.refused() > 300 && r.parsed() > 300, "mutants of both kinds: " + r.figures());
        assertTrue(r.booted() > 0, r.figures());
    }

    @Test
    void oneClearLineMeansPrintableAndShort() {
        assertTrue(ImageFuzzer.isClear("program header 2: file size exceeds memory size"));
        assertFalse(ImageFuzzer.isClear("manifest line 1: bad key \"\u001b[31m\""));
        assertFalse(ImageFuzzer.isClear("two\nlines"));
        assertFalse(ImageFuzzer.isClear(" "));
        assertFalse(ImageFuzzer.isClear("x".repeat(ImageFuzzer.MAX_MESSAGE + 1)));
    }
}
