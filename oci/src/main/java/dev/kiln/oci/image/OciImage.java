package dev.kiln.oci.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One OCI image for linux/amd64: its manifest, its config and its layers, each a {@link Blob}
 * whose digest has been computed (when built) or checked (when read). Small enough to hold in
 * memory: a native Kiln image is hundreds of KB, a jvm one tens of MB.
 */
public record OciImage(Blob manifest, Blob config, List<Blob> layers) {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public OciImage {
        layers = List.copyOf(layers);
    }

    /**
     * Builds an image from layer tars (gzipped here) and the container config ({@code Entrypoint},
     * {@code Env}, {@code Labels}, ...); {@code annotations} go on the manifest.
     */
    public static OciImage build(List<byte[]> layerTars, ObjectNode containerConfig, Map<String, String> annotations,
                                 Instant created, String createdBy) {
        ObjectNode config = Json.object();
        config.put("created", DateTimeFormatter.ISO_INSTANT.format(created));
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.set("config", containerConfig);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        List<Blob> layers = new ArrayList<>();
        for (byte[] tar : layerTars) {
            diffIds.add(Digest.of(tar).toString());
            layers.add(Blob.of(MediaTypes.LAYER_TAR_GZIP, KilnLayer.gzip(tar)));
        }
        ObjectNode history = config.putArray("history").addObject();
        history.put("created", DateTimeFormatter.ISO_INSTANT.format(created));
        history.put("created_by", createdBy);
        Blob configBlob = Blob.of(MediaTypes.CONFIG, Json.bytes(config));

        ObjectNode manifest = Json.object();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.MANIFEST);
        manifest.set("config", configBlob.descriptor(null));
        ArrayNode l = manifest.putArray("layers");
        for (Blob b : layers) l.add(b.descriptor(null));
        if (!annotations.isEmpty()) {
            ObjectNode a = manifest.putObject("annotations");
            annotations.forEach(a::put);
        }
        return new OciImage(Blob.of(MediaTypes.MANIFEST, Json.bytes(manifest)), configBlob, layers);
    }

    /**
     * Reads a manifest's config and layers through {@code blobs} (a layout's files or a
     * registry), checking each against its descriptor; only linux/amd64 images are accepted.
     */
    public static OciImage read(Blob manifest, BlobSource blobs) {
        if (!MediaTypes.isManifest(manifest.mediaType())) {
            throw new OciException("manifest " + manifest.digest() + " has media type " + manifest.mediaType() + ", not an image manifest");
        }
        JsonNode m = Json.tree(manifest.data(), "manifest " + manifest.digest());
        if (m.path("schemaVersion").asInt() != 2) throw new OciException("manifest " + manifest.digest() + ": schemaVersion is not 2");
        Blob.Ref configRef = Blob.Ref.of(m.get("config"), "manifest config");
        Blob config = configRef.check(blobs.fetch(configRef), "config " + configRef.digest());
        JsonNode c = Json.tree(config.data(), "config " + config.digest());
        if (!"linux".equals(c.path("os").asText()) || !"amd64".equals(c.path("architecture").asText())) {
            throw new OciException("image is " + c.path("os").asText("?") + "/" + c.path("architecture").asText("?")
                    + "; Kiln runs linux/amd64 images");
        }
        JsonNode ls = m.get("layers");
        if (ls == null || !ls.isArray()) throw new OciException("manifest " + manifest.digest() + " has no layers");
        List<Blob> layers = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            Blob.Ref r = Blob.Ref.of(ls.get(i), "layer " + i);
            layers.add(r.check(blobs.fetch(r), "layer " + r.digest()));
        }
        return new OciImage(manifest, config, layers);
    }

    /** Where blobs come from when an image is read. */
    @FunctionalInterface
    public interface BlobSource {
        byte[] fetch(Blob.Ref ref);
    }

    /** The Kiln content of this image: its one layer, unpacked and checked. */
    public KilnLayer.Content kilnContent() {
        if (layers.size() != 1) {
            throw new OciException("not a Kiln image: it has " + layers.size() + " layers (a Kiln image has one)");
        }
        return KilnLayer.read(layers.getFirst());
    }

    /** Every blob: config and layers, then the manifest (the order a registry wants them pushed). */
    public List<Blob> blobsInPushOrder() {
        List<Blob> all = new ArrayList<>(layers);
        all.addFirst(config);
        return all;
    }
}
