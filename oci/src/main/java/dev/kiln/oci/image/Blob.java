package dev.kiln.oci.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Content addressed by its digest, with its media type: a manifest, a config or a layer. */
public record Blob(String mediaType, Digest digest, byte[] data) {
    public static Blob of(String mediaType, byte[] data) {
        return new Blob(mediaType, Digest.of(data), data);
    }

    /** The OCI content descriptor that points at this blob. */
    public ObjectNode descriptor(Map<String, String> annotations) {
        ObjectNode d = Json.object();
        d.put("mediaType", mediaType);
        d.put("digest", digest.toString());
        d.put("size", data.length);
        if (annotations != null && !annotations.isEmpty()) {
            ObjectNode a = d.putObject("annotations");
            annotations.forEach(a::put);
        }
        return d;
    }

    /** A content descriptor read from JSON: its media type, digest and size, checked. */
    public record Ref(String mediaType, Digest digest, long size) {
        /** The largest blob Kiln fetches: a jvm image with its JDK is tens of MB. */
        public static final long MAX_SIZE = 1L << 30;

        public static Ref of(JsonNode node, String what) {
            if (node == null || !node.isObject()) throw new OciException(what + ": not a content descriptor");
            String type = Json.text(node, "mediaType", what);
            Digest digest;
            try {
                digest = Digest.parse(Json.text(node, "digest", what));
            } catch (IllegalArgumentException e) {
                throw new OciException(what + ": " + e.getMessage());
            }
            JsonNode size = node.get("size");
            if (size == null || !size.canConvertToLong() || size.asLong() < 0 || size.asLong() > MAX_SIZE) {
                throw new OciException(what + ": bad size " + size);
            }
            return new Ref(type, digest, size.asLong());
        }

        /** Throws unless data is this blob: its length and its digest. */
        public Blob check(byte[] data, String what) {
            if (data.length != size) throw new OciException(what + ": " + data.length + " bytes, the descriptor says " + size);
            digest.verify(data, what);
            return new Blob(mediaType, digest, data);
        }
    }
}
