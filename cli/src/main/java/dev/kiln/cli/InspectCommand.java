package dev.kiln.cli;

import dev.kiln.image.ImageInfo;
import dev.kiln.image.JvmManifest;
import dev.kiln.image.Manifest;
import dev.kiln.image.ManifestText;
import dev.kiln.jvm.JvmFlavor;
import dev.kiln.jvm.build.JvmImage;
import java.io.IOException;
import java.io.PrintStream;
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
        inspect(image, System.out, noClasses);
        return 0;
    }

    /** Prints what `kiln inspect` shows of image to out; throws (as the command does) to refuse a bad one. */
    static void inspect(Path image, PrintStream out, boolean noClasses) throws IOException {
        if (JvmFlavor.isImage(image)) {
            inspectJvm(image, out);
            return;
        }
        ImageInfo info = ImageInfo.read(image);
        out.println("image: " + image + " (" + info.fileSize() + " bytes)");
        Manifest m = info.manifest();
        if (m.equals(Manifest.EMPTY)) {
            out.println("manifest: none (no .note.kiln)");
        } else {
            out.println("name: " + (m.name() == null ? "(none)" : show(m.name())));
            out.println("memory_mb: " + (m.memoryMb() == 0 ? "(default)" : m.memoryMb()));
            if (m.ip() != null) out.println("ip: " + m.ip());
            for (String a : m.args()) out.println("arg: " + show(a));
            for (String e : m.env()) out.println("env: " + show(e));
            for (String line : m.unknown()) out.println("unknown (ignored by this kiln): " + show(line));
        }
        out.printf("text: %d bytes%nrodata: %d bytes%ndata: %d bytes%nbss: %d bytes%n",
                info.text(), info.rodata(), info.data(), info.bss());
        out.println("java classes: " + info.classes().size());
        if (!noClasses) {
            for (String c : info.classes()) out.println("  " + show(c));
        }
    }

    /** A jvm-flavor image: validated as `kiln run` validates it (bounds, SHA-256), then its manifest and parts. */
    private static void inspectJvm(Path image, PrintStream out) {
        JvmImage jvm;
        try {
            jvm = JvmImage.read(image);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        JvmManifest m = jvm.manifest();
        out.println("image: " + image + " (jvm flavor)");
        out.println("name: " + m.name());
        out.println("main: " + show(m.mainClass()));
        out.println("memory_mb: " + m.memoryMb());
        for (String a : m.args()) out.println("arg: " + show(a));
        for (String e : m.env()) out.println("env: " + show(e));
        for (String o : m.jvmOptions()) out.println("jvm_option: " + show(o));
        out.println("modules: " + String.join(",", m.modules()));
        if (m.jdk() != null) out.println("jdk: " + show(m.jdk()));
        for (String line : m.unknown()) out.println("unknown (ignored by this kiln): " + show(line));
        out.println("kernel: " + jvm.kernel().length() + " bytes" + (m.kernelHash() == null ? ""
                : " (config hash " + show(m.kernelHash()) + ", linux-source "
                        + (m.linuxSource() == null ? "?" : show(m.linuxSource())) + ")"));
        out.println("initramfs: " + jvm.initramfs().length() + " bytes (gzip)");
    }

    /** Text from the image on one line: line breaks, escape sequences and the like as \\uXXXX. */
    private static String show(String s) {
        return ManifestText.printable(s);
    }
}
