package dev.kiln.oci.image;

import com.fasterxml.jackson.databind.JsonNode;

/** Picks the linux/amd64 manifest out of an image index (a multi-platform image). */
public final class Platforms {
    private Platforms() {}

    /** The manifest for linux/amd64 named by the index {@code index}, fetched and checked. */
    public static Blob pick(Blob index, OciImage.BlobSource blobs) {
        JsonNode manifests = Json.tree(index.data(), "index " + index.digest()).path("manifests");
        for (JsonNode m : manifests) {
            JsonNode p = m.path("platform");
            boolean any = p.isMissingNode();
            if (any || ("linux".equals(p.path("os").asText()) && "amd64".equals(p.path("architecture").asText()))) {
                Blob.Ref r = Blob.Ref.of(m, "index entry");
                if (!MediaTypes.isManifest(r.mediaType())) continue;
                return r.check(blobs.fetch(r), "manifest " + r.digest());
            }
        }
        throw new OciException("index " + index.digest() + " has no linux/amd64 image");
    }
}
