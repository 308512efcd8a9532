package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real images mutated at random, where it hurts (the ELF and program headers, the section headers,
 * the manifest note, sizes near 2^63): the loader and `kiln inspect`'s reader either accept a
 * mutant or refuse it with one ImageException line, never another exception.
 * A bounded run for the suite; the coverage-guided fuzzers run far more.
 */
class MutatedImageTest {
    static final long[] SIZES = {0, 1, 0xfff, 0x1000, 0x7fff_ffffL, 0xffff_ffffL, 1L << 32, 1L << 62,
            Long.MAX_VALUE, Long.MAX_VALUE - 7, Long.MIN_VALUE, -1L, -4096L};

    @Test
    void everyMutantIsAcceptedOrRefusedWithOneLine() throws Exception {
        byte[] manifest = Files.readAllBytes(TestGuests.elf("manifest"));
        byte[] hello = Files.readAllBytes(TestGuests.elf("hello"));
        Random random = new Random(1);
        int refused = 0, runs = 4000;
        for (int i = 0; i < runs; i++) {
            byte[] b = (i % 2 == 0 ? manifest : hello).clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) mutate(b, random);
            try {
                ImageInfo.of(GuestImage.parse(b, "mutant"));
            } catch (ImageException bad) {
                refused++;
                String m = bad.getMessage();
                assertTrue(m != null && !m.isBlank() && m.indexOf('\n') < 0 && m.indexOf('\r') < 0, m);
            } catch (RuntimeException | OutOfMemoryError escaped) {
                fail("mutant " + i + " escaped with " + escaped, escaped);
            }
        }
        assertTrue(refused > runs / 10, "only " + refused + " of " + runs + " mutants were refused: the mutator is too gentle");
        assertEquals("t", GuestImage.parse(hello, "t").name(), "the unmutated image still parses");
    }

    /** One edit: a random byte, or a header, program header, section header or note field set to a hostile size. */
    static void mutate(byte[] b, Random random) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = bb.getLong(32), shoff = bb.getLong(40);
        int phnum = bb.getShort(56) & 0xffff, shnum = bb.getShort(60) & 0xffff;
        int at;
        switch (random.nextInt(5)) {
            case 0 -> at = random.nextInt(64);
            case 1 -> at = phnum == 0 || phoff < 0 || phoff > b.length - 56L * phnum ? random.nextInt(64)
                    : (int) phoff + 56 * random.nextInt(phnum) + 8 * random.nextInt(7);
            case 2 -> at = shnum == 0 || shoff < 0 || shoff > b.length - 64L * shnum ? random.nextInt(64)
                    : (int) shoff + 64 * random.nextInt(shnum) + 8 * random.nextInt(8);
            case 3 -> at = noteAt(b, random);
            default -> {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                return;
            }
        }
        if (at > b.length - 8) at = b.length - 8;
        if (random.nextBoolean()) bb.putLong(at, SIZES[random.nextInt(SIZES.length)]);
        else bb.putInt(at, (int) SIZES[random.nextInt(SIZES.length)] ^ random.nextInt(3));
    }

    /** Somewhere in the Kiln note if the image has one (its sizes and its text), else anywhere. */
    static int noteAt(byte[] b, Random random) {
        for (int i = 0; i + 16 < b.length; i += 4) {
            if (b[i] == 5 && b[i + 1] == 0 && b[i + 12] == 'K' && b[i + 13] == 'i' && b[i + 14] == 'l' && b[i + 15] == 'n') {
                return i + (random.nextBoolean() ? 4 * random.nextInt(3) : 20 + random.nextInt(40));
            }
        }
        return random.nextInt(b.length);
    }
}
