package dev.kiln.libos.fs;

import java.util.TreeMap;

/** A directory: its entries by name, in name order (File.list's order is unspecified on HotSpot). */
final class Directory extends Node {
    final TreeMap<String, Node> entries = new TreeMap<>();
    private final boolean writable;

    Directory(boolean writable) {
        this.writable = writable;
    }

    @Override
    boolean writable() {
        return writable;
    }
}
