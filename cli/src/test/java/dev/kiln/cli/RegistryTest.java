package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.OciLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kiln push` and `kiln pull` against a real registry (Debian's docker-registry on 127.0.0.1),
 * with skopeo and podman reading what Kiln pushed and Kiln pulling what skopeo copied.
 */
class RegistryTest {
    private static LocalRegistry registry;
    private static final Path IMAGE = KilnProcess.guest("tests/manifest.elf");

    @BeforeAll
    static void start() throws Exception {
        Tools.require("skopeo", "podman");
        registry = LocalRegistry.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) registry.close();
    }

    @Test
    void pushedImagesAreReadBySkopeoAndPodmanAndPulledBackByKiln(@TempDir Path tmp) throws Exception {
        String ref = registry.host() + "/kiln/manifest:1.0";
        KilnProcess push = KilnProcess.run("push", "--port", "8080", IMAGE.toString(), ref);
        assertEquals(0, push.exitStatus(), push.toString());
        assertTrue(push.stdout().strip().matches(registry.host() + "/kiln/manifest@sha256:[0-9a-f]{64}"), push.toString());

        Tools.Result inspect = Tools.run(60, "skopeo", "inspect", "--tls-verify=false", "docker://" + ref);
        assertEquals(0, inspect.status(), inspect.output());
        JsonNode info = Json.tree(inspect.output().getBytes(), "skopeo inspect");
        assertEquals("linux", info.path("Os").asText());
        assertEquals("amd64", info.path("Architecture").asText());
        assertEquals("native", info.path("Labels").path("dev.kiln.flavor").asText());
        assertEquals("8080", info.path("Labels").path("dev.kiln.ports").asText());

        String copy = registry.host() + "/kiln/copied:2";
        Tools.Result cp = Tools.run(60, "skopeo", "copy", "--src-tls-verify=false", "--dest-tls-verify=false",
                "docker://" + ref, "docker://" + copy);
        assertEquals(0, cp.status(), cp.output());
        Path pulled = tmp.resolve("pulled.elf");
        KilnProcess pull = KilnProcess.run("pull", copy, "-o", pulled.toString(), "--oci-layout", tmp.resolve("lay").toString());
        assertEquals(0, pull.exitStatus(), pull.toString());
        assertArrayEquals(Files.readAllBytes(IMAGE), Files.readAllBytes(pulled));
        assertArrayEquals(Files.readAllBytes(IMAGE), OciLayout.readDirectory(tmp.resolve("lay"), "2").kilnContent().image());

        // By digest, as kubelets pin images.
        String digest = push.stdout().strip().substring(push.stdout().strip().indexOf('@') + 1);
        KilnProcess byDigest = KilnProcess.run("pull", registry.host() + "/kiln/manifest@" + digest, "-o", tmp.resolve("d.elf").toString());
        assertEquals(0, byDigest.exitStatus(), byDigest.toString());

        Path root = tmp.resolve("podman-root"), runroot = tmp.resolve("podman-run");
        List<String> podman = List.of("podman", "--root", root.toString(), "--runroot", runroot.toString(), "--storage-driver", "vfs");
        Tools.Result pp = Tools.run(120, concat(podman, "pull", "--tls-verify=false", ref));
        assertEquals(0, pp.status(), pp.output());
        Tools.Result labels = Tools.run(60, concat(podman, "image", "inspect", "--format", "{{index .Labels \"dev.kiln.memory-mb\"}} {{.Os}}/{{.Architecture}}", ref));
        assertEquals(0, labels.status(), labels.output());
        int mb = dev.kiln.image.GuestImage.load(IMAGE).manifest().memoryMb();
        assertEquals(mb + " linux/amd64", labels.output().strip());
        Tools.run(60, concat(podman, "rmi", "-a", "-f"));
    }

    @Test
    void anOciArchiveCopiedBySkopeoIsPulledByKiln(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("img.tar");
        OciLayout.writeArchive(OciImages.of(IMAGE, List.of()), "v1", archive);
        String ref = registry.host() + "/kiln/from-archive:v1";
        Tools.Result cp = Tools.run(60, "skopeo", "copy", "--dest-tls-verify=false", "oci-archive:" + archive + ":v1", "docker://" + ref);
        assertEquals(0, cp.status(), cp.output());
        KilnProcess pull = KilnProcess.run("pull", ref, "-o", tmp.resolve("x.elf").toString());
        assertEquals(0, pull.exitStatus(), pull.toString());
        assertArrayEquals(Files.readAllBytes(IMAGE), Files.readAllBytes(tmp.resolve("x.elf")));
    }

    @Test
    void aTamperedBlobAndAMissingTagAreRefused(@TempDir Path tmp) throws Exception {
        String ref = registry.host() + "/kiln/tampered:1";
        KilnProcess push = KilnProcess.run("push", IMAGE.toString(), ref);
        assertEquals(0, push.exitStatus(), push.toString());
        JsonNode manifest = Json.tree(Files.readAllBytes(registry.blobData(push.stdout().strip().split("@")[1])), "manifest");
        Path layer = registry.blobData(manifest.path("layers").path(0).path("digest").asText());
        byte[] b = Files.readAllBytes(layer);
        b[b.length - 5] ^= 0x55;
        Files.write(layer, b);
        KilnProcess pull = KilnProcess.run("pull", ref, "-o", tmp.resolve("t.elf").toString());
        assertEquals(125, pull.exitStatus(), pull.toString());
        assertTrue(pull.stderr().contains("does not match its digest"), pull.toString());
        assertTrue(Files.notExists(tmp.resolve("t.elf")));

        KilnProcess missing = KilnProcess.run("pull", registry.host() + "/kiln/tampered:nope", "-o", tmp.resolve("m.elf").toString());
        assertEquals(125, missing.exitStatus(), missing.toString());
        assertTrue(missing.stderr().contains("has no image kiln/tampered:nope"), missing.toString());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
