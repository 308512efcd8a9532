package dev.kiln.cli;

import dev.kiln.builder.nativeimage.ImageInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln inspect IMAGE`: the manifest, section sizes and the Java classes compiled into a native image. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print an image's manifest, the sizes of text/rodata/data/bss and the Java classes compiled in.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Option(names = "--no-classes", description = "print only the count of classes, not their names")
    boolean noClasses;

    @Override
    public Integer call() throws Exception {
        if (java.nio.file.Files.isDirectory(image))
            throw new UserError(image + " is a directory, not an image: build it first (kiln build " + image + " -o IMAGE)");
        RunCommand.existingImage(image);
        inspect(image, System.out, noClasses);
        return 0;
    }

    /** Prints what `kiln inspect` shows of image to out; throws (as the command does) to refuse a bad one. */
    static void inspect(Path image, java.io.PrintStream out, boolean noClasses) throws Exception {
        if (dev.kiln.cli.jvm.JvmRun.isJvmImage(image))
            throw new UserError(image + " is a jvm-flavor image; kiln inspect reads native images (ELF) for now");
        // The loader first: inspect refuses what `kiln run` refuses, with the same one line.
        dev.kiln.vmm.GuestImage.load(image);
        ImageInfo info = ImageInfo.read(image);
        out.println("image: " + image + " (" + info.fileSize() + " bytes)");
        if (info.manifest() == null) {
            out.println("manifest: none (no .note.kiln)");
        } else {
            out.println("name: " + (info.manifest().name() == null ? "(none)" : info.manifest().name()));
            out.println("memory_mb: " + (info.manifest().memoryMb() == 0 ? "(default)" : info.manifest().memoryMb()));
            if (info.manifest().ip() != null) out.println("ip: " + info.manifest().ip());
            for (String a : info.manifest().args()) {
                out.println("arg: " + a);
            }
            for (String e : info.manifest().env()) {
                out.println("env: " + e);
            }
            for (String line : info.manifest().unknown()) {
                out.println("unknown (ignored by this kiln): " + line);
            }
        }
        out.printf("text: %d bytes%nrodata: %d bytes%ndata: %d bytes%nbss: %d bytes%n",
                info.text(), info.rodata(), info.data(), info.bss());
        out.println("java classes: " + info.classes().size());
        if (!noClasses) {
            for (String c : info.classes()) {
                out.println("  " + c);
            }
        }
    }
}
