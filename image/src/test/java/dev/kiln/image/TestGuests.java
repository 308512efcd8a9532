package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The C test guests built by guest/Makefile (the pom runs make before the tests): real images to read and mutate. */
final class TestGuests {
    private TestGuests() {}

    static Path elf(String name) {
        String dir = System.getProperty("kiln.guest.dir");
        if (dir == null) fail("kiln.guest.dir is not set (run the tests through Maven, which builds guest/)");
        Path p = Path.of(dir, "tests", name + ".elf");
        if (!Files.isRegularFile(p)) fail("test guest " + p + " is missing: run make -C guest");
        return p;
    }
}
