package dev.kiln.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kiln.image.GuestImage;
import dev.kiln.image.ImageException;
import dev.kiln.image.Manifest;

/**
 * The image parsers under Jazzer (`kiln fuzz parsers`; docs/fuzzing.md): the ELF loader and the
 * manifest parser take any bytes and either accept them, with what they accepted inside the
 * bounds they promise, or refuse them with an {@link ImageException} whose message is one clear
 * line. Seeds and findings: src/test/resources/dev/kiln/fuzz/ImageParsersFuzzTestInputs/.
 */
class ImageParsersFuzzTest {
    private static final long IMAGE_MIN = 0x400000, MAX_MEMORY = 4L << 30;

    @FuzzTest(maxDuration = "60s")
    void elfImage(byte[] data) {
        GuestImage image;
        try {
            image = GuestImage.parse(data, "fuzz");
        } catch (ImageException e) {
            requireClear(e);
            return;
        }
        long previousEnd = 0;
        for (GuestImage.Segment s : image.segments()) {
            if (s.vaddr() < IMAGE_MIN || s.memSize() <= 0 || s.end() > MAX_MEMORY || s.vaddr() < previousEnd) {
                throw new AssertionError("accepted a segment outside the image's range or overlapping: " + s);
            }
            if (s.fileSize() > s.memSize() || s.fileOffset() < 0 || s.fileOffset() + s.fileSize() > data.length) {
                throw new AssertionError("accepted a segment whose bytes are not in the file: " + s);
            }
            if (s.writable() && s.executable()) throw new AssertionError("accepted a W+X segment: " + s);
            previousEnd = s.end();
        }
        image.symbolize(image.entry());
    }

    @FuzzTest(maxDuration = "60s")
    void manifest(byte[] data) {
        Manifest m;
        try {
            m = Manifest.parse(data);
        } catch (ImageException e) {
            requireClear(e);
            return;
        }
        if (m.memoryMb() < 0 || m.memoryMb() > Manifest.MAX_MEMORY_MB) throw new AssertionError("memory_mb " + m.memoryMb());
        for (String e : m.env()) if (e.indexOf('=') <= 0) throw new AssertionError("env entry without KEY=: " + e);
    }

    private static void requireClear(ImageException e) {
        if (!ImageFuzzer.isClear(e.getMessage())) {
            throw new AssertionError("refused with a message that is not one clear line: " + e.getMessage());
        }
    }
}
