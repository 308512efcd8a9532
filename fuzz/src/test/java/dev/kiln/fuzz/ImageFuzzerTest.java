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
    void theMutatorSurvivesANoteSizeNearTwoToThe31() throws Exception {
        // Seen in a 100,000-mutant run: a descsz of 0x7ffffffe set by one round overflowed the
        // manifest round's bounds check (desc + descsz), and the mutator itself threw.
        byte[] image = java.nio.file.Files.readAllBytes(Prerequisites.guest("manifest"));
        int owner = indexOf(image, new byte[] {'K', 'i', 'l', 'n', 0});
        assertTrue(owner >= 12, "the manifest guest has a Kiln note");
        java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(owner - 8, 0x7fff_fffe);
        for (long i = 0; i < 2000; i++) ImageMutator.mutate(image.clone(), new java.util.SplittableRandom(i));
    }

    @Test
    void sectionHeadersAreOnlyThoseWholeInsideTheFile() throws Exception {
        byte[] image = java.nio.file.Files.readAllBytes(Prerequisites.guest("hello"));
        var buf = java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long shoff = buf.getLong(40);
        int shnum = buf.getShort(60) & 0xffff;
        assertEquals(shnum, ImageMutator.sectionHeaders(buf).size(), "every header of a built image");
        assertEquals((int) shoff + 64, ImageMutator.sectionHeaders(buf).get(1));
        buf.putShort(60, (short) 0xffff); // e_shnum beyond the file's end: only the whole headers
        assertEquals((image.length - shoff) / 64, ImageMutator.sectionHeaders(buf).size());
        buf.putLong(40, image.length - 10); // e_shoff at the end: none
        assertTrue(ImageMutator.sectionHeaders(buf).isEmpty());
        buf.putLong(40, -64); // e_shoff negative: none
        assertTrue(ImageMutator.sectionHeaders(buf).isEmpty());
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 12; i + what.length <= b.length; i++) {
            for (int k = 0; k < what.length; k++) if (b[i + k] != what[k]) continue outer;
            if (b[i - 12] == what.length) return i;
        }
        return -1;
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
