package dev.kiln.oci.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Kiln image (native or jvm) as an OCI image: one layer, labels, annotations; and back. */
public final class KilnOciImage {
    private KilnOciImage() {}

    /** Wraps an image file's bytes described by {@code d} (whose digest must be the bytes'). */
    public static OciImage of(byte[] image, KilnDescriptor d, Instant created) {
        d.digest().verify(image, "the image file");
        ObjectNode cfg = Json.object();
        // podman and containerd make process.args from Entrypoint + Cmd; kiln-oci recognizes the
        // image's path as args[0] and passes what follows to the guest's main.
        cfg.putArray("Entrypoint").add(d.image());
        cfg.putArray("Cmd");
        ArrayNode env = cfg.putArray("Env");
        env.add("PATH=/kiln");
        if (!d.ports().isEmpty()) {
            ObjectNode exposed = cfg.putObject("ExposedPorts");
            for (int p : d.ports()) exposed.putObject(p + "/tcp");
        }
        ObjectNode labels = cfg.putObject("Labels");
        Map<String, String> facts = d.labels();
        facts.forEach(labels::put);
        byte[] tar = KilnLayer.tar(image, d, created);
        return OciImage.build(List.of(tar), cfg, facts, created, "kiln build (" + d.flavor() + " image " + d.name() + ")");
    }
}
