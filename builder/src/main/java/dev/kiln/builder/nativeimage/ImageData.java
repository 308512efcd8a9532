package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data an image carries besides code: the application's resources and the read-only file
 * tree. Both become TeaVM's C resources (one read-only array in the image, never copied at boot):
 * staged beside the classes TeaVM reads, under names no jar of Kiln's has (libos's
 * {@code AppResources.PREFIX} and {@code ImageFileSystem.INDEX}), and listed for TeaVM by
 * {@link ImageResourceSupplier}.
 */
final class ImageData {
    static final String RESOURCES = ".kiln-image/resources/";
    static final String INDEX = ".kiln-image/files.index";
    static final String FILES = ".kiln-image/files/";

    private ImageData() {
    }

    /** The total must fit: the error names what is too big. */
    static void checkSize(AppInput app, ImageTree tree) throws NativeBuildException {
        long resources = resourceBytes(app);
        if (resources + tree.bytes() > ImageTree.MAX_BYTES) {
            throw new NativeBuildException("resources (" + resources + " bytes) and files (" + tree.bytes()
                    + " bytes) exceed the " + (ImageTree.MAX_BYTES >> 20) + " MiB an image can hold");
        }
        long memory = (long) app.manifest().memoryMb() << 20;
        if ((resources + tree.bytes()) * 2 > memory) {
            throw new NativeBuildException("resources and files (" + (resources + tree.bytes())
                    + " bytes) would take more than half of the image's " + app.manifest().memoryMb()
                    + " MiB of memory: raise memory_mb (--memory)");
        }
    }

    static long resourceBytes(AppInput app) {
        return app.resources().values().stream().mapToLong(b -> b.length).sum();
    }

    /** The line the build prints about them. */
    static String report(AppInput app, ImageTree tree) {
        return "data: " + app.resources().size() + " resources (" + resourceBytes(app) + " bytes), "
                + tree.files() + " files (" + tree.bytes() + " bytes) in the image";
    }

    /** Writes them under {@code classes}; returns the C resource names TeaVM is to compile in. */
    static List<String> stage(AppInput app, ImageTree tree, Path classes) throws IOException {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : app.resources().entrySet()) {
            String name = RESOURCES + e.getKey();
            write(classes.resolve(name), e.getValue());
            names.add(name);
        }
        if (!tree.isEmpty()) {
            StringBuilder index = new StringBuilder();
            int n = 0;
            for (ImageTree.Entry e : tree.entries()) {
                if (e.directory()) {
                    index.append("d\t").append(e.path()).append('\n');
                } else {
                    String name = FILES + n++;
                    Path staged = classes.resolve(name);
                    Files.createDirectories(staged.getParent());
                    Files.copy(e.source(), staged);
                    names.add(name);
                    index.append("f\t").append(e.path()).append('\t').append(e.length()).append('\t').append(name)
                            .append('\n');
                }
            }
            write(classes.resolve(INDEX), index.toString().getBytes(StandardCharsets.UTF_8));
            names.add(INDEX);
        }
        return names;
    }

    /** Their content, for the build cache key. */
    static void hash(MessageDigest md, AppInput app, ImageTree tree) throws IOException {
        for (Map.Entry<String, byte[]> e : app.resources().entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(e.getValue());
        }
        for (ImageTree.Entry e : tree.entries()) {
            md.update(e.path().getBytes(StandardCharsets.UTF_8));
            md.update((byte) (e.directory() ? 1 : 2));
            if (!e.directory()) {
                md.update(Files.readAllBytes(e.source()));
            }
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
