package dev.kiln.libos.fs;

import java.io.IOException;
import org.teavm.runtime.fs.VirtualFile;
import org.teavm.runtime.fs.VirtualFileAccessor;

/**
 * A path of {@link ImageFileSystem} as TeaVM's java.io and java.nio.file see it. It is looked up
 * on every call (a file may come and go in /tmp between two calls), and a missing path is a
 * VirtualFile too, so that what TeaVM's library does with it ends in "does not exist" or an
 * IOException, never in a NullPointerException.
 */
final class ImageFile implements VirtualFile {
    private final ImageFileSystem fs;
    private final String path;

    ImageFile(ImageFileSystem fs, String path) {
        this.fs = fs;
        this.path = path;
    }

    private Node node() {
        return fs.lookup(path);
    }

    @Override
    public String getName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public boolean isDirectory() {
        return node() instanceof Directory;
    }

    @Override
    public boolean isFile() {
        Node n = node();
        return n instanceof ReadOnlyFile || n instanceof TmpFile;
    }

    @Override
    public String[] listFiles() {
        return node() instanceof Directory dir ? dir.entries.keySet().toArray(new String[0]) : null;
    }

    @Override
    public VirtualFileAccessor createAccessor(boolean readable, boolean writable, boolean append) {
        Node n = node();
        if (n instanceof TmpFile tmp) {
            return new TmpAccessor(tmp, readable, writable, append);
        }
        if (n instanceof ReadOnlyFile ro && !writable) {
            return new ReadOnlyAccessor(ro);
        }
        return null; // a directory, a missing file, or writing to the read-only tree
    }

    @Override
    public boolean createFile(String fileName) throws IOException {
        Directory dir = writableDirectory();
        if (dir.entries.containsKey(fileName)) {
            return false;
        }
        dir.entries.put(fileName, new TmpFile(fs.tmpSpace));
        return true;
    }

    @Override
    public boolean createDirectory(String fileName) {
        Node n = node();
        if (!(n instanceof Directory dir) || !dir.writable() || dir.entries.containsKey(fileName)) {
            return false;
        }
        dir.entries.put(fileName, new Directory(true));
        return true;
    }

    /** This directory, to create an entry in: IOException as Linux reports it if it cannot be. */
    private Directory writableDirectory() throws IOException {
        Node n = node();
        if (n == null) {
            throw new IOException("No such file or directory");
        }
        if (!(n instanceof Directory dir)) {
            throw new IOException("Not a directory");
        }
        if (!dir.writable()) {
            throw new IOException(ImageFileSystem.READ_ONLY);
        }
        return dir;
    }

    @Override
    public boolean delete() {
        Node n = node();
        if (n == null || !n.writable() || path.equals(ImageFileSystem.TMP)) {
            return false;
        }
        if (n instanceof Directory dir && !dir.entries.isEmpty()) {
            return false;
        }
        Directory parent = (Directory) fs.lookup(parentPath());
        parent.entries.remove(getName());
        if (n instanceof TmpFile tmp) {
            tmp.discard();
        }
        return true;
    }

    private String parentPath() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Moves {@code file} into this directory as {@code fileName}: only within /tmp. */
    @Override
    public boolean adopt(VirtualFile file, String fileName) {
        if (!(file instanceof ImageFile source) || source.fs != fs) {
            return false;
        }
        Node moved = source.node();
        Node here = node();
        if (moved == null || !moved.writable() || !(here instanceof Directory dir) || !dir.writable()
                || source.path.equals(ImageFileSystem.TMP)
                || (path + "/").startsWith(source.path + "/")) { // a directory into itself
            return false;
        }
        Node existing = dir.entries.get(fileName);
        if (existing instanceof Directory) {
            return false;
        }
        if (existing instanceof TmpFile old && old != moved) {
            old.discard();
        }
        ((Directory) fs.lookup(source.parentPath())).entries.remove(source.getName());
        dir.entries.put(fileName, moved);
        return true;
    }

    @Override
    public boolean canRead() {
        return node() != null;
    }

    @Override
    public boolean canWrite() {
        Node n = node();
        return n != null && n.writable();
    }

    @Override
    public long lastModified() {
        Node n = node();
        return n == null ? 0 : n.lastModified();
    }

    @Override
    public boolean setLastModified(long lastModified) {
        if (node() instanceof TmpFile tmp) {
            tmp.lastModified = lastModified;
            return true;
        }
        return false;
    }

    @Override
    public boolean setReadOnly(boolean readOnly) {
        return false;
    }

    @Override
    public int length() {
        Node n = node();
        if (n instanceof TmpFile tmp) {
            return tmp.size;
        }
        if (n instanceof ReadOnlyFile ro) {
            return ro.length;
        }
        return 0;
    }
}
