package dev.kiln.cli;

import dev.kiln.image.ImageInfo;
import dev.kiln.image.JvmManifest;
import dev.kiln.image.Manifest;
import dev.kiln.image.ManifestText;
import dev.kiln.jvm.JvmFlavor;
import dev.kiln.jvm.build.JvmImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln inspect IMAGE`: the manifest, section sizes and the Java classes compiled into a native
 * image; the manifest and part sizes of a jvm image. The image is validated as `kiln run`
 * validates it, so inspect refuses what run refuses, with the same one-line message. Text from
 * the image is printed with control characters escaped.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print a native image's manifest, the sizes of text/rodata/data/bss and the Java classes",
                "compiled in; or a jvm image's manifest and the sizes of its kernel and initramfs."})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Option(names = "--no-classes", description = "print only the count of classes, not their names")
    boolean noClasses;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(image))
            throw new UserError(image + " is a directory, not an image: build it first (kiln build " + image + " -o IMAGE)");
        RunCommand.existingImage(image);
        if (JvmFlavor.isImage(image)) return inspectJvm();
        ImageInfo info = ImageInfo.read(image);
        System.out.println("image: " + image + " (" + info.fileSize() + " bytes)");
        Manifest m = info.manifest();
        if (m.equals(Manifest.EMPTY)) {
            System.out.println("manifest: none (no .note.kiln)");
        } else {
            System.out.println("name: " + (m.name() == null ? "(none)" : show(m.name())));
            System.out.println("memory_mb: " + (m.memoryMb() == 0 ? "(default)" : m.memoryMb()));
            if (m.ip() != null) System.out.println("ip: " + m.ip());
            for (String a : m.args()) System.out.println("arg: " + show(a));
            for (String e : m.env()) System.out.println("env: " + show(e));
            for (String line : m.unknown()) System.out.println("unknown (ignored by this kiln): " + show(line));
        }
        System.out.printf("text: %d bytes%nrodata: %d bytes%ndata: %d bytes%nbss: %d bytes%n",
                info.text(), info.rodata(), info.data(), info.bss());
        System.out.println("java classes: " + info.classes().size());
        if (!noClasses) {
            for (String c : info.classes()) System.out.println("  " + show(c));
        }
        return 0;
    }

    /** A jvm-flavor image: validated as `kiln run` validates it (bounds, SHA-256), then its manifest and parts. */
    private int inspectJvm() {
        JvmImage jvm;
        try {
            jvm = JvmImage.read(image);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        JvmManifest m = jvm.manifest();
        System.out.println("image: " + image + " (jvm flavor)");
        System.out.println("name: " + m.name());
        System.out.println("main: " + show(m.mainClass()));
        System.out.println("memory_mb: " + m.memoryMb());
        for (String a : m.args()) System.out.println("arg: " + show(a));
        for (String e : m.env()) System.out.println("env: " + show(e));
        for (String o : m.jvmOptions()) System.out.println("jvm_option: " + show(o));
        System.out.println("modules: " + String.join(",", m.modules()));
        if (m.jdk() != null) System.out.println("jdk: " + show(m.jdk()));
        for (String line : m.unknown()) System.out.println("unknown (ignored by this kiln): " + show(line));
        System.out.println("kernel: " + jvm.kernel().length() + " bytes" + (m.kernelHash() == null ? ""
                : " (config hash " + show(m.kernelHash()) + ", linux-source "
                        + (m.linuxSource() == null ? "?" : show(m.linuxSource())) + ")"));
        System.out.println("initramfs: " + jvm.initramfs().length() + " bytes (gzip)");
        return 0;
    }

    /** Text from the image on one line: line breaks, escape sequences and the like as \\uXXXX. */
    private static String show(String s) {
        return ManifestText.printable(s);
    }
}
