package dev.kiln.libos.fs;

/** One entry of the image's file tree: a directory, a read-only file or a file in /tmp. */
abstract class Node {
    /** Whether the program may change this node (only /tmp and what is in it). */
    abstract boolean writable();

    long lastModified() {
        return 0;
    }
}
