/**
 * The file system a native image sees (docs/native-images.md, "Files and resources"): the
 * read-only tree {@code kiln build --file SRC:DEST} compiled into the image, a writable /tmp in
 * the image's memory, and the application's resources. TeaVM's java.io.File, FileInputStream,
 * RandomAccessFile and java.nio.file all go through {@link ImageFileSystem}, which the builder
 * installs as TeaVM's VirtualFileSystem; ClassLoader.getResourceAsStream goes through
 * {@link AppResources}. The bytes of both stay where the image put them (read-only data):
 * nothing is copied at boot.
 */
package dev.kiln.libos.fs;
