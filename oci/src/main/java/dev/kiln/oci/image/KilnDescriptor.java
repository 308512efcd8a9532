package dev.kiln.oci.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON file that travels next to the Kiln image in an OCI image's layer
 * ({@link KilnLayer#DESCRIPTOR_PATH}): what a runtime needs to know without opening the image.
 * The same facts are the image config's labels and the manifest's annotations
 * ({@link #labels}), so registries, skopeo and podman show them.
 *
 * <p>Read from registries and from container bundles, so it is untrusted input: every field is
 * checked here, once, whoever reads it.
 *
 * @param format {@link #FORMAT}
 * @param flavor native (Kiln's own monitor) or jvm (a Linux microVM on QEMU)
 * @param name the image's name
 * @param memoryMb the guest memory the image asks for, MiB
 * @param ports the TCP ports the guest serves (informational: they become ExposedPorts)
 * @param args the arguments the image's manifest gives main (informational; the runtime appends process.args after them)
 * @param image where the image file lies in the container's root file system
 * @param imageDigest the image file's SHA-256 (the runtime checks the file against it before booting)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"format", "flavor", "name", "memory_mb", "ports", "args", "image", "image_digest"})
public record KilnDescriptor(
        @JsonProperty("format") String format,
        @JsonProperty("flavor") String flavor,
        @JsonProperty("name") String name,
        @JsonProperty("memory_mb") int memoryMb,
        @JsonProperty("ports") List<Integer> ports,
        @JsonProperty("args") List<String> args,
        @JsonProperty("image") String image,
        @JsonProperty("image_digest") String imageDigest) {
    public static final String FORMAT = "kiln-oci/1";
    /** The prefix of every label and annotation Kiln sets. */
    public static final String LABEL_PREFIX = "dev.kiln.";

    public KilnDescriptor {
        if (!FORMAT.equals(format)) throw new OciException("Kiln descriptor: format '" + format + "' is not " + FORMAT);
        if (!"native".equals(flavor) && !"jvm".equals(flavor)) {
            throw new OciException("Kiln descriptor: flavor '" + flavor + "' is neither native nor jvm");
        }
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw new OciException("Kiln descriptor: bad name '" + name + "'");
        }
        if (memoryMb < 1 || memoryMb > 65536) throw new OciException("Kiln descriptor: memory_mb " + memoryMb + " is outside 1..65536");
        ports = ports == null ? List.of() : List.copyOf(ports);
        for (int p : ports) if (p < 1 || p > 65535) throw new OciException("Kiln descriptor: port " + p + " is outside 1..65535");
        args = args == null ? List.of() : List.copyOf(args);
        if (!("/" + KilnLayer.IMAGE_PATH).equals(image)) {
            throw new OciException("Kiln descriptor: image path '" + image + "' is not /" + KilnLayer.IMAGE_PATH);
        }
        Digest.parse(imageDigest);
    }

    /** A descriptor for an image file whose digest is known. */
    public static KilnDescriptor of(String flavor, String name, int memoryMb, List<Integer> ports, List<String> args,
                                    Digest imageDigest) {
        return new KilnDescriptor(FORMAT, flavor, name, memoryMb, ports, args, "/" + KilnLayer.IMAGE_PATH,
                imageDigest.toString());
    }

    public Digest digest() {
        return Digest.parse(imageDigest);
    }

    /** The same facts as {@code dev.kiln.*} labels (image config) and annotations (manifest). */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(LABEL_PREFIX + "format", format);
        l.put(LABEL_PREFIX + "flavor", flavor);
        l.put(LABEL_PREFIX + "name", name);
        l.put(LABEL_PREFIX + "memory-mb", String.valueOf(memoryMb));
        l.put(LABEL_PREFIX + "ports", String.join(",", ports.stream().map(String::valueOf).toList()));
        l.put(LABEL_PREFIX + "args", Json.write(args));
        l.put(LABEL_PREFIX + "image", image);
        l.put(LABEL_PREFIX + "image-digest", imageDigest);
        return l;
    }
}
