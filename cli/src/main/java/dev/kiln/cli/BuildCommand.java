package dev.kiln.cli;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln build INPUT [--main CLASS] [-o IMAGE]`: a Java app (jar, classes, project dir) to a native image. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Compile a Java application into a native unikernel image (TeaVM C target, gcc, Kiln's"
                + " guest runtime).",
                "INPUT is a jar, a directory of class files, or a project directory with kiln.properties and src/."})
public final class BuildCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "jar, classes directory or project directory")
    Path input;

    @Option(names = "--main", paramLabel = "CLASS", description = "main class (default: from the input)")
    String mainClass;

    @Option(names = {"-o", "--output"}, paramLabel = "IMAGE", description = "image file to write (default: NAME.kiln)")
    Path output;

    @Option(names = "--memory", paramLabel = "MB", description = "guest memory in MiB (default: from the input, or 64)")
    Integer memoryMb;

    @Override
    public Integer call() throws Exception {
        try {
            Path image = buildImage(input, mainClass, memoryMb);
            Path out = output != null ? output
                    : Path.of(image.getFileName().toString());
            Files.copy(image, out, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("kiln: built " + out + " (" + Files.size(out) / 1024 + " KiB)");
            return 0;
        } catch (NativeBuildException e) {
            System.err.println("kiln: build failed: " + e.getMessage());
            return 1;
        }
    }

    /** Builds (or takes from the cache) the image for INPUT and returns its path in the cache. */
    public static Path buildImage(Path input, String mainClass, Integer memoryMb) throws Exception {
        AppInput app = AppInput.resolve(input, mainClass);
        if (memoryMb != null) {
            app = new AppInput(app.classes(), app.mainClass(), app.manifest().withMemory(memoryMb));
        }
        NativeImageBuilder builder = NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m));
        NativeImageBuilder.Result r = builder.build(app);
        if (r.cached()) {
            System.err.println("kiln: image from the build cache (" + r.cacheKey() + ")");
        }
        return r.image();
    }
}
