package dev.kiln.libos.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.teavm.backend.c.runtime.CResources;
import org.teavm.runtime.GC;
import org.teavm.runtime.fs.VirtualFile;
import org.teavm.runtime.fs.VirtualFileSystem;

/**
 * The file system of a native image, installed by the builder as TeaVM's VirtualFileSystem (in
 * place of its C backend's, which would call the host's file API that an image does not have):
 * <ul>
 * <li>the read-only tree given at build time ({@code kiln build --file SRC:DEST}), described by
 *     the resource {@link #INDEX} and read from the image's data where it lies;</li>
 * <li>/tmp, writable, in the heap: at most half of it ({@link TmpSpace});</li>
 * <li>nothing else: every other path does not exist, and creating one is refused as on a
 *     read-only file system.</li>
 * </ul>
 * The working directory (user.dir) is "/". Paths are Linux's: case-sensitive, '/' separated.
 */
public final class ImageFileSystem implements VirtualFileSystem {
    /** The tree's index, a C resource the builder writes: {@code d\tPATH} and {@code f\tPATH\tLENGTH\tRESOURCE} lines. */
    public static final String INDEX = ".kiln-image/files.index";
    public static final String TMP = "/tmp";
    static final String READ_ONLY = "Read-only file system";

    final Directory root = new Directory(false);
    final TmpSpace tmpSpace = new TmpSpace(GC.maxAvailableBytes() / 2);

    public ImageFileSystem() {
        try {
            loadTree();
        } catch (IOException e) {
            throw new IllegalStateException("the image's file index is unreadable: " + e.getMessage());
        }
        root.entries.put("tmp", new Directory(true));
    }

    /** Reads the index (no regex, no readers: every image that asks for a System property builds this). */
    private void loadTree() throws IOException {
        InputStream index = CResources.getResource(INDEX);
        if (index == null) {
            return;
        }
        String text = new String(index.readAllBytes(), StandardCharsets.UTF_8);
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            addEntry(text.substring(start, end));
            start = end + 1;
        }
    }

    /** One line of the index: {@code d\tPATH} or {@code f\tPATH\tLENGTH\tRESOURCE}. */
    private void addEntry(String line) {
        int t1 = line.indexOf('\t');
        int t2 = line.indexOf('\t', t1 + 1);
        String path = t2 < 0 ? line.substring(t1 + 1) : line.substring(t1 + 1, t2);
        List<String> parts = components(path);
        Directory dir = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            Node next = dir.entries.get(parts.get(i));
            if (next == null) {
                next = new Directory(false);
                dir.entries.put(parts.get(i), next);
            }
            dir = (Directory) next;
        }
        String name = parts.get(parts.size() - 1);
        if (line.charAt(0) == 'd') {
            if (!dir.entries.containsKey(name)) {
                dir.entries.put(name, new Directory(false));
            }
        } else {
            int t3 = line.indexOf('\t', t2 + 1);
            dir.entries.put(name, new ReadOnlyFile(line.substring(t3 + 1), Integer.parseInt(line.substring(t2 + 1, t3))));
        }
    }

    @Override
    public String getUserDir() {
        return "/";
    }

    @Override
    public VirtualFile getFile(String path) {
        return new ImageFile(this, canonicalize(path));
    }

    @Override
    public boolean isWindows() {
        return false;
    }

    @Override
    public boolean isCaseSensitive() {
        return true;
    }

    /** An absolute path without ".", ".." or repeated '/' (a relative one is taken from "/"). */
    @Override
    public String canonicalize(String path) {
        StringBuilder b = new StringBuilder();
        for (String part : components(path)) {
            b.append('/').append(part);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    @Override
    public String[] getRoots() {
        return new String[] {"/"};
    }

    static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String part = path.substring(start, end);
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
            start = end + 1;
        }
        return parts;
    }

    /** The node at a canonical path, or null. */
    Node lookup(String path) {
        Node node = root;
        for (String part : components(path)) {
            if (!(node instanceof Directory dir)) {
                return null;
            }
            node = dir.entries.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
