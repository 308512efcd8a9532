package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.oci.image.Digest;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnLayer;
import dev.kiln.image.GuestImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * An OCI bundle as podman or containerd would lay it out for kiln-oci: rootfs/ with a Kiln
 * image at its fixed path (or any other program), and a config.json made by `runc spec`
 * and then edited, as the engines edit theirs.
 */
final class OciBundle {
    final Path dir;
    final ObjectNode config;

    private OciBundle(Path dir, ObjectNode config) {
        this.dir = dir;
        this.config = config;
    }

    /** A bundle whose root file system holds {@code image} as a Kiln image. */
    static OciBundle kiln(Path dir, Path image, List<String> guestArgs) throws Exception {
        OciBundle b = spec(dir);
        byte[] bytes = Files.readAllBytes(image);
        GuestImage g = GuestImage.load(image);
        int mb = g.manifest().memoryMb() != 0 ? g.manifest().memoryMb() : 64;
        KilnDescriptor d = KilnDescriptor.of("native", g.name(), mb, List.of(), g.manifest().args(), Digest.of(bytes));
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("kiln"));
        Files.write(rootfs.resolve(KilnLayer.IMAGE_PATH), bytes);
        Files.write(rootfs.resolve(KilnLayer.DESCRIPTOR_PATH), Json.bytes(d));
        ArrayNode args = b.process().putArray("args");
        args.add("/kiln/image");
        guestArgs.forEach(args::add);
        return b;
    }

    /** A bundle whose root file system holds one static program at /prog (no Kiln image: runc's). */
    static OciBundle program(Path dir, Path program, List<String> args) throws Exception {
        OciBundle b = spec(dir);
        Path target = dir.resolve("rootfs/prog");
        Files.createDirectories(target.getParent());
        Files.copy(program, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        ArrayNode a = b.process().putArray("args");
        a.add("/prog");
        args.forEach(a::add);
        return b;
    }

    private static OciBundle spec(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("rootfs"));
        Tools.Result r = Tools.run(30, List.of("runc", "spec", "--bundle", dir.toString()));
        if (r.status() != 0) throw new AssertionError("runc spec failed: " + r.output());
        ObjectNode c = (ObjectNode) Json.tree(Files.readAllBytes(dir.resolve("config.json")), "config.json");
        ((ObjectNode) c.path("process")).put("terminal", false);
        return new OciBundle(dir, c);
    }

    ObjectNode process() {
        return (ObjectNode) config.path("process");
    }

    ObjectNode linux() {
        return (ObjectNode) config.path("linux");
    }

    OciBundle networkNamespace(String path) {
        for (var ns : linux().path("namespaces")) {
            if ("network".equals(ns.path("type").asText())) ((ObjectNode) ns).put("path", path);
        }
        return this;
    }

    OciBundle cgroupsPath(String path) {
        linux().put("cgroupsPath", path);
        return this;
    }

    OciBundle memoryLimit(long bytes) {
        ObjectNode resources = linux().has("resources") ? (ObjectNode) linux().get("resources") : linux().putObject("resources");
        resources.putObject("memory").put("limit", bytes);
        return this;
    }

    OciBundle oomScoreAdj(int value) {
        process().put("oomScoreAdj", value);
        return this;
    }

    OciBundle terminal() {
        process().put("terminal", true);
        return this;
    }

    void write() throws IOException {
        Files.write(dir.resolve("config.json"), Json.bytes(config));
    }
}
