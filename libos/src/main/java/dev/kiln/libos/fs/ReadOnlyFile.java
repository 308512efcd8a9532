package dev.kiln.libos.fs;

import java.io.InputStream;
import org.teavm.backend.c.runtime.CResources;

/**
 * A file of the tree given at build time. Its bytes are one of TeaVM's C resources (read-only data
 * of the image), named {@code resource}; reading streams them from there.
 */
final class ReadOnlyFile extends Node {
    final String resource;
    final int length;

    ReadOnlyFile(String resource, int length) {
        this.resource = resource;
        this.length = length;
    }

    InputStream open() {
        return CResources.getResource(resource);
    }

    @Override
    boolean writable() {
        return false;
    }
}
