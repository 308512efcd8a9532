package dev.kiln.oci.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The one layer of a Kiln OCI image: a tar holding the image file at {@link #IMAGE_PATH} and
 * the descriptor at {@link #DESCRIPTOR_PATH}, nothing else. Once unpacked by podman or
 * containerd these are the two files kiln-oci looks for in a bundle's root file system.
 */
public final class KilnLayer {
    /** Where the Kiln image lies in the container's root file system (relative to it). */
    public static final String IMAGE_PATH = "kiln/image";
    /** Where its descriptor lies, next to it. */
    public static final String DESCRIPTOR_PATH = "kiln/kiln.json";
    /** Neither file is ever larger: a jvm image is tens of MB, a descriptor a few hundred bytes. */
    static final long MAX_IMAGE = 1L << 30, MAX_DESCRIPTOR = 1 << 20;

    /** The unpacked content: the descriptor and the image's bytes (checked against the descriptor's digest). */
    public record Content(KilnDescriptor descriptor, byte[] image) {}

    private KilnLayer() {}

    /** The uncompressed tar: kiln/, kiln/image, kiln/kiln.json, owned by root, dated {@code mtime}. */
    public static byte[] tar(byte[] image, KilnDescriptor descriptor, Instant mtime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 4096);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry dir = new TarArchiveEntry("kiln/");
            dir.setMode(040755);
            stamp(dir, mtime);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            file(tar, IMAGE_PATH, image, 0100755, mtime);
            file(tar, DESCRIPTOR_PATH, Json.bytes(descriptor), 0100644, mtime);
        } catch (IOException e) {
            throw new IllegalStateException("writing a tar in memory failed", e);
        }
        return out.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] data, int mode, Instant mtime) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode);
        e.setSize(data.length);
        stamp(e, mtime);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void stamp(TarArchiveEntry e, Instant mtime) {
        e.setModTime(Date.from(mtime));
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("root");
        e.setGroupName("root");
    }

    /** gzip with a fixed header (no file name, mtime 0), so equal tars give equal blobs. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }

    /** Reads a layer (gzip or plain tar by {@code mediaType}) and returns its Kiln content, checked. */
    public static Content read(Blob layer) {
        try (InputStream raw = new ByteArrayInputStream(layer.data());
             InputStream in = MediaTypes.isGzipLayer(layer.mediaType()) ? new GZIPInputStream(raw) : raw;
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            byte[] image = null, descriptor = null;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = normalize(e.getName());
                if (name.equals(IMAGE_PATH) || name.equals(DESCRIPTOR_PATH)) {
                    if (!e.isFile()) throw new OciException("layer: " + name + " is not a regular file");
                    long limit = name.equals(IMAGE_PATH) ? MAX_IMAGE : MAX_DESCRIPTOR;
                    if (e.getSize() > limit) throw new OciException("layer: " + name + " is larger than " + limit + " bytes");
                    byte[] data = tar.readNBytes((int) e.getSize());
                    if (name.equals(IMAGE_PATH)) image = data;
                    else descriptor = data;
                }
            }
            if (descriptor == null) throw new OciException("not a Kiln image: the layer has no /" + DESCRIPTOR_PATH);
            if (image == null) throw new OciException("not a Kiln image: the layer has no /" + IMAGE_PATH);
            KilnDescriptor d = Json.read(descriptor, KilnDescriptor.class, "/" + DESCRIPTOR_PATH);
            d.digest().verify(image, "/" + IMAGE_PATH);
            return new Content(d, image);
        } catch (IOException e) {
            throw new OciException("layer " + layer.digest() + ": not a readable tar: " + e.getMessage());
        }
    }

    /** "./kiln/image" and "kiln/image" are the same entry; anything climbing out ("..") is kept as is and ignored. */
    private static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        while (n.startsWith("/")) n = n.substring(1);
        return Path.of(n).normalize().toString();
    }
}
