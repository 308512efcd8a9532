package dev.kiln.libos.fs;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.teavm.runtime.fs.VirtualFileSystemProvider;

/**
 * What Linux answers when a program changes a path of the read-only tree, for TeaVM's
 * java.nio.file provider (the builder calls these first from its newOutputStream, createDirectory
 * and delete, which would otherwise fail with a NullPointerException or an IOException without a
 * message): FileSystemException "PATH: Read-only file system" (EROFS), NoSuchFileException for a
 * missing directory (ENOENT). /tmp passes.
 */
public final class WriteChecks {
    private WriteChecks() {
    }

    /** Before opening for writing: the file, or its directory if it is to be created, must be writable. */
    public static void beforeWrite(Path path) throws FileSystemException {
        ImageFileSystem fs = fileSystem();
        String p = fs.canonicalize(path.toString());
        Node node = fs.lookup(p);
        if (node == null) {
            beforeCreate(path);
        } else if (!node.writable()) {
            throw readOnly(path);
        }
    }

    /** Before creating: the directory must exist and be writable (an existing path is the caller's error). */
    public static void beforeCreate(Path path) throws FileSystemException {
        ImageFileSystem fs = fileSystem();
        String p = fs.canonicalize(path.toString());
        if (fs.lookup(p) != null) {
            return;
        }
        int slash = p.lastIndexOf('/');
        Node parent = fs.lookup(slash <= 0 ? "/" : p.substring(0, slash));
        if (!(parent instanceof Directory)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!parent.writable()) {
            throw readOnly(path);
        }
    }

    /** Before deleting: the tree's own files and directories stay. */
    public static void beforeDelete(Path path) throws FileSystemException {
        ImageFileSystem fs = fileSystem();
        String p = fs.canonicalize(path.toString());
        Node node = fs.lookup(p);
        if (node != null && (!node.writable() || p.equals(ImageFileSystem.TMP))) {
            throw new FileSystemException(path.toString(), null, p.equals(ImageFileSystem.TMP)
                    ? "Device or resource busy" : ImageFileSystem.READ_ONLY);
        }
    }

    /**
     * Files.newInputStream's options, as the JDK checks them: READ and NOFOLLOW_LINKS (and the
     * options that mean nothing for reading) pass, APPEND and WRITE are refused; returns what
     * TeaVM's provider is then given, no options (it refuses them all).
     */
    public static OpenOption[] readOptions(OpenOption[] options) {
        for (OpenOption o : options) {
            if (o == StandardOpenOption.APPEND || o == StandardOpenOption.WRITE) {
                throw new IllegalArgumentException(o + " not allowed");
            }
            if (o == null) {
                throw new NullPointerException();
            }
        }
        return new OpenOption[0];
    }

    private static FileSystemException readOnly(Path path) {
        return new FileSystemException(path.toString(), null, ImageFileSystem.READ_ONLY);
    }

    private static ImageFileSystem fileSystem() {
        return (ImageFileSystem) VirtualFileSystemProvider.getInstance();
    }
}
