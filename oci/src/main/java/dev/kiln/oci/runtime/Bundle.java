package dev.kiln.oci.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnLayer;
import dev.kiln.oci.image.OciException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI bundle's config.json (runtime spec 1.0), the parts kiln-oci uses: the root file
 * system, process.args/env/terminal, the network namespace, the cgroup path and memory
 * limit, the resolv.conf mount, process.oomScoreAdj and the annotations. The file comes from the caller; sizes
 * are bounded and fields checked.
 */
record Bundle(Path dir, Path rootfs, List<String> args, List<String> env, boolean terminal, String networkNamespace,
              boolean hasNetworkNamespace, String cgroupsPath, long memoryLimit, Path resolvConf,
              Map<String, String> annotations, Integer oomScoreAdj) {
    private static final long MAX_CONFIG = 4 << 20;

    static Bundle read(Path dir) {
        Path config = dir.resolve("config.json");
        JsonNode c;
        try {
            if (Files.size(config) > MAX_CONFIG) throw new RuntimeError(config + " is larger than " + MAX_CONFIG + " bytes");
            c = Json.tree(Files.readAllBytes(config), config.toString());
        } catch (IOException e) {
            throw new RuntimeError("cannot read the bundle's config.json: " + e.getMessage());
        } catch (OciException e) {
            throw new RuntimeError(e.getMessage());
        }
        String root = c.path("root").path("path").asText("rootfs");
        Path rootfs = dir.resolve(root).normalize();
        JsonNode process = c.path("process");
        List<String> args = strings(process.path("args"));
        List<String> env = strings(process.path("env"));
        boolean terminal = process.path("terminal").asBoolean(false);
        JsonNode oom = process.path("oomScoreAdj");
        if (!oom.isMissingNode() && !oom.isNull() && !oom.isInt()) throw new RuntimeError("process.oomScoreAdj is not an integer: " + oom);
        Integer oomScoreAdj = oom.isInt() ? oom.intValue() : null;
        String netns = null;
        boolean hasNetns = false;
        for (JsonNode ns : c.path("linux").path("namespaces")) {
            if ("network".equals(ns.path("type").asText())) {
                hasNetns = true;
                netns = ns.path("path").asText(null);
                if (netns != null && netns.isEmpty()) netns = null;
            }
        }
        String cgroupsPath = c.path("linux").path("cgroupsPath").asText(null);
        long limit = c.path("linux").path("resources").path("memory").path("limit").asLong(0);
        Path resolv = null;
        for (JsonNode m : c.path("mounts")) {
            if ("/etc/resolv.conf".equals(m.path("destination").asText())) resolv = Path.of(m.path("source").asText("/nonexistent"));
        }
        if (resolv == null) resolv = rootfs.resolve("etc/resolv.conf");
        Map<String, String> annotations = new LinkedHashMap<>();
        c.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        return new Bundle(dir, rootfs, args, env, terminal, netns, hasNetns, cgroupsPath, limit, resolv, annotations, oomScoreAdj);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    /** True if the root file system holds a Kiln image (the descriptor at its fixed path). */
    boolean isKiln() {
        return Files.isRegularFile(rootfs.resolve(KilnLayer.DESCRIPTOR_PATH));
    }

    Path image() {
        return rootfs.resolve(KilnLayer.IMAGE_PATH);
    }

    KilnDescriptor descriptor() {
        Path d = rootfs.resolve(KilnLayer.DESCRIPTOR_PATH);
        try {
            if (Files.size(d) > 1 << 20) throw new RuntimeError(d + " is too large");
            return Json.read(Files.readAllBytes(d), KilnDescriptor.class, "/" + KilnLayer.DESCRIPTOR_PATH);
        } catch (IOException e) {
            throw new RuntimeError("cannot read /" + KilnLayer.DESCRIPTOR_PATH + ": " + e.getMessage());
        } catch (OciException e) {
            throw new RuntimeError(e.getMessage());
        }
    }

    /**
     * The guest's arguments from process.args: the image's path (its OCI entrypoint) first,
     * then what goes to main after the manifest's own arguments.
     */
    List<String> guestArgs() {
        if (args.isEmpty()) return List.of();
        String first = args.getFirst();
        if (!first.equals("/" + KilnLayer.IMAGE_PATH) && !first.equals(KilnLayer.IMAGE_PATH)) {
            throw new RuntimeError("process.args[0] is '" + first + "': a Kiln container runs its image, /"
                    + KilnLayer.IMAGE_PATH + " (do not override the entrypoint; arguments after it go to main)");
        }
        return List.copyOf(args.subList(1, args.size()));
    }

    /** The first nameserver of the container's resolv.conf, or null. */
    String nameserver() {
        try {
            if (!Files.isRegularFile(resolvConf) || Files.size(resolvConf) > 1 << 16) return null;
            for (String line : Files.readAllLines(resolvConf)) {
                String[] w = line.strip().split("\\s+");
                if (w.length >= 2 && w[0].equals("nameserver") && w[1].matches("[0-9.]+")) return w[1];
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
