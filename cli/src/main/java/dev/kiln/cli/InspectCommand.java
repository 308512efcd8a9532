package dev.kiln.cli;

import dev.kiln.builder.nativeimage.ImageInfo;
import dev.kiln.cli.engine.DaemonOptions;
import dev.kiln.cli.engine.VmInspect;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln inspect IMAGE`: the manifest, section sizes and the Java classes compiled into a native
 * image; `kiln inspect VM...`: what the daemon knows about VMs, as JSON. A path to an existing
 * file is an image, anything else a VM (--type decides when both could be meant).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print what is inside an image, or what the daemon knows about VMs.",
                "For an image: its manifest, the sizes of text/rodata/data/bss and the Java classes compiled in. For VM names or ids: the daemon's JSON about them (definition, state, exits, health)."})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE|VM")
    List<String> targets;

    @Option(names = "--no-classes", description = "print only the count of classes, not their names")
    boolean noClasses;

    @Option(names = "--type", paramLabel = "image|vm",
            description = "image or vm, when a name could be either (default: a path with a '/' or an existing file is an image)")
    String type;

    @Mixin DaemonOptions daemon;

    Path image;

    @Override
    public Integer call() throws Exception {
        if (type != null && !type.equals("image") && !type.equals("vm")) throw new UserError("--type takes image or vm, not '" + type + "'");
        String first = targets.getFirst();
        boolean isImage = type != null ? type.equals("image") : first.contains("/") || java.nio.file.Files.exists(Path.of(first));
        if (!isImage) return VmInspect.print(daemon, targets);
        if (targets.size() > 1) throw new UserError("kiln inspect reads one image at a time");
        image = Path.of(targets.getFirst());
        if (java.nio.file.Files.isDirectory(image))
            throw new UserError(image + " is a directory, not an image: build it first (kiln build " + image + " -o IMAGE)");
        RunCommand.existingImage(image);
        if (dev.kiln.cli.jvm.JvmRun.isJvmImage(image))
            throw new UserError(image + " is a jvm-flavor image; kiln inspect reads native images (ELF) for now");
        ImageInfo info = ImageInfo.read(image);
        System.out.println("image: " + image + " (" + info.fileSize() + " bytes)");
        if (info.manifest() == null) {
            System.out.println("manifest: none (no .note.kiln)");
        } else {
            System.out.println("name: " + (info.manifest().name() == null ? "(none)" : info.manifest().name()));
            System.out.println("memory_mb: " + (info.manifest().memoryMb() == 0 ? "(default)" : info.manifest().memoryMb()));
            if (info.manifest().ip() != null) System.out.println("ip: " + info.manifest().ip());
            for (String a : info.manifest().args()) {
                System.out.println("arg: " + a);
            }
            for (String e : info.manifest().env()) {
                System.out.println("env: " + e);
            }
            for (String line : info.manifest().unknown()) {
                System.out.println("unknown (ignored by this kiln): " + line);
            }
        }
        System.out.printf("text: %d bytes%nrodata: %d bytes%ndata: %d bytes%nbss: %d bytes%n",
                info.text(), info.rodata(), info.data(), info.bss());
        System.out.println("java classes: " + info.classes().size());
        if (!noClasses) {
            for (String c : info.classes()) {
                System.out.println("  " + c);
            }
        }
        return 0;
    }
}
