package dev.kiln.cli;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import java.io.IOException;
import java.nio.file.Path;

/** A bundled example built into an image (from the build cache when it is there), for the bench and fuzz commands. */
public final class ExampleImage {
    private ExampleImage() {}

    /** examples/NAME as an image, its build progress on stderr; a build failure is a {@link UserError}. */
    public static Path build(String name) throws IOException {
        Path example = KilnHome.root().resolve("examples").resolve(name);
        try {
            return NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m))
                    .build(AppInput.resolve(example, null)).image();
        } catch (NativeBuildException e) {
            throw new UserError("cannot build " + example + " into an image: " + e.getMessage());
        }
    }
}
