package dev.kiln.oci.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The OCI image layout (oci-layout, index.json, blobs/sha256/...), as a directory
 * ({@code kiln build --oci-layout DIR}, skopeo's {@code oci:DIR:TAG}) or as a tar of it
 * ({@code --oci-archive FILE}, skopeo's and podman's {@code oci-archive:FILE:TAG}). Reading
 * checks every blob against its digest.
 */
public final class OciLayout {
    private static final byte[] LAYOUT_FILE = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes();

    private OciLayout() {}

    /** The files of a layout holding one image tagged {@code tag}: relative path to content, in writing order. */
    public static Map<String, byte[]> files(OciImage image, String tag) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", LAYOUT_FILE);
        for (Blob b : image.blobsInPushOrder()) files.put(b.digest().blobPath(), b.data());
        files.put(image.manifest().digest().blobPath(), image.manifest().data());
        ObjectNode index = Json.object();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.INDEX);
        index.putArray("manifests").add(image.manifest().descriptor(Map.of(OciImage.REF_NAME, tag)));
        files.put("index.json", Json.bytes(index));
        return files;
    }

    /** Writes the layout into {@code dir}, which must not exist or be empty. */
    public static void writeDirectory(OciImage image, String tag, Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw new OciException(dir + " exists and is not empty; give a new directory");
            }
        }
        for (Map.Entry<String, byte[]> f : files(image, tag).entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }

    /** Writes the layout as a tar file (replaced if it exists). */
    public static void writeArchive(OciImage image, String tag, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".kiln-oci", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (String dir : new String[] {"blobs/", "blobs/sha256/"}) {
                    TarArchiveEntry e = new TarArchiveEntry(dir);
                    e.setMode(040755);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                }
                for (Map.Entry<String, byte[]> f : files(image, tag).entrySet()) {
                    TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                    e.setMode(0100644);
                    e.setSize(f.getValue().length);
                    tar.putArchiveEntry(e);
                    tar.write(f.getValue());
                    tar.closeArchiveEntry();
                }
            }
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads the image tagged {@code tag} (or the only one, when tag is null) from a layout directory. */
    public static OciImage readDirectory(Path dir, String tag) {
        return read(name -> {
            try {
                Path p = dir.resolve(name);
                if (Files.size(p) > Blob.Ref.MAX_SIZE) throw new OciException(p + " is too large");
                return Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new OciException("cannot read " + dir.resolve(name) + ": " + e.getMessage());
            }
        }, tag, dir.toString());
    }

    /** Reads the image tagged {@code tag} (or the only one) from a layout tar. */
    public static OciImage readArchive(Path file, String tag) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isFile()) continue;
                if (e.getSize() > Blob.Ref.MAX_SIZE) throw new OciException(file + ": entry " + e.getName() + " is too large");
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                entries.put(name, tar.readNBytes((int) e.getSize()));
            }
        }
        return read(entries::get, tag, file.toString());
    }

    private static OciImage read(Function<String, byte[]> files, String tag, String where) {
        byte[] layout = files.apply("oci-layout");
        if (layout == null) throw new OciException(where + " is not an OCI image layout (no oci-layout file)");
        if (!"1.0.0".equals(Json.tree(layout, where + "/oci-layout").path("imageLayoutVersion").asText())) {
            throw new OciException(where + ": unknown imageLayoutVersion");
        }
        byte[] indexBytes = files.apply("index.json");
        if (indexBytes == null) throw new OciException(where + " has no index.json");
        JsonNode manifests = Json.tree(indexBytes, where + "/index.json").path("manifests");
        JsonNode chosen = null;
        for (JsonNode m : manifests) {
            String ref = m.path("annotations").path(OciImage.REF_NAME).asText(null);
            if (tag == null ? manifests.size() == 1 : tag.equals(ref)) chosen = m;
        }
        if (chosen == null) {
            throw new OciException(where + (tag == null ? " holds " + manifests.size() + " images; name one with :TAG"
                    : " has no image tagged '" + tag + "'"));
        }
        Blob.Ref ref = Blob.Ref.of(chosen, where + "/index.json");
        OciImage.BlobSource blobs = r -> {
            byte[] data = files.apply(r.digest().blobPath());
            if (data == null) throw new OciException(where + " lacks blob " + r.digest());
            return data;
        };
        Blob top = ref.check(blobs.fetch(ref), "manifest " + ref.digest());
        if (MediaTypes.isIndex(top.mediaType())) top = Platforms.pick(top, blobs);
        return OciImage.read(top, blobs);
    }
}
