package dev.kiln.jvm.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The initramfs tree written to a directory, for the AOT training run in a chroot. Files get
 * mtime 0, as in the cpio (the JVM checks the class path's jars by size and mtime); device nodes
 * are skipped (the training run needs none).
 */
final class StageDir implements Cpio.Sink {
    private final Path root;

    StageDir(Path root) {
        this.root = root;
    }

    private Path at(String name) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("path escapes the stage: " + name);
        }
        return p;
    }

    @Override
    public void directory(String name, int perm) throws IOException {
        Files.createDirectories(at(name));
    }

    @Override
    public void file(String name, int perm, byte[] data) throws IOException {
        Path p = at(name);
        Files.write(p, data);
        finish(p, perm);
    }

    @Override
    public void file(String name, int perm, InputStream data, long size) throws IOException {
        Path p = at(name);
        Files.copy(data, p);
        finish(p, perm);
    }

    @Override
    public void symlink(String name, String target) throws IOException {
        Files.createSymbolicLink(at(name), Path.of(target));
    }

    @Override
    public void charDevice(String name, int perm, int major, int minor) {
        // not needed for training
    }

    private static void finish(Path p, int perm) throws IOException {
        Set<PosixFilePermission> s = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((perm & 0100) != 0) {
            s.add(PosixFilePermission.OWNER_EXECUTE);
        }
        Files.setPosixFilePermissions(p, s);
        Files.setLastModifiedTime(p, FileTime.fromMillis(0));
    }
}
