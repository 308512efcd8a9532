package dev.kiln.oci;

import dev.kiln.oci.image.Digest;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnLayer;
import dev.kiln.oci.image.KilnOciImage;
import dev.kiln.oci.image.OciException;
import dev.kiln.oci.image.OciImage;
import dev.kiln.oci.image.OciLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OCI layout and archive Kiln writes, read back; every tampered blob and bad descriptor is refused. */
class OciLayoutTest {
    private static final byte[] IMAGE = "\u007fELF pretend image bytes".getBytes(StandardCharsets.ISO_8859_1);

    static OciImage image() {
        KilnDescriptor d = KilnDescriptor.of("native", "demo", 32, List.of(80), List.of("a b"), Digest.of(IMAGE));
        return KilnOciImage.of(IMAGE, d, Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void layoutRoundTripsAndCarriesTheFactsAsLabelsAndAnnotations(@TempDir Path dir) throws Exception {
        OciImage img = image();
        OciLayout.writeDirectory(img, "1.0", dir.resolve("lay"));
        OciImage back = OciLayout.readDirectory(dir.resolve("lay"), "1.0");
        assertEquals(img.manifest().digest(), back.manifest().digest());
        KilnLayer.Content c = back.kilnContent();
        assertArrayEquals(IMAGE, c.image());
        assertEquals("demo", c.descriptor().name());
        assertEquals(List.of("a b"), c.descriptor().args());
        var config = Json.tree(back.config().data(), "config");
        assertEquals("linux", config.path("os").asText());
        assertEquals("amd64", config.path("architecture").asText());
        assertEquals("32", config.path("config").path("Labels").path("dev.kiln.memory-mb").asText());
        assertEquals("/kiln/image", config.path("config").path("Entrypoint").path(0).asText());
        assertTrue(config.path("config").path("ExposedPorts").has("80/tcp"));
        var manifest = Json.tree(back.manifest().data(), "manifest");
        assertEquals("native", manifest.path("annotations").path("dev.kiln.flavor").asText());
        assertThrows(OciException.class, () -> OciLayout.readDirectory(dir.resolve("lay"), "2.0"));
    }

    @Test
    void archiveRoundTripsAndIsReproducible(@TempDir Path dir) throws Exception {
        OciLayout.writeArchive(image(), "latest", dir.resolve("a.tar"));
        OciLayout.writeArchive(image(), "latest", dir.resolve("b.tar"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.tar")), Files.readAllBytes(dir.resolve("b.tar")));
        assertArrayEquals(IMAGE, OciLayout.readArchive(dir.resolve("a.tar"), null).kilnContent().image());
    }

    @Test
    void aTamperedBlobIsRefused(@TempDir Path dir) throws Exception {
        OciImage img = image();
        Path lay = dir.resolve("lay");
        OciLayout.writeDirectory(img, "t", lay);
        Path layer = lay.resolve(img.layers().getFirst().digest().blobPath());
        byte[] b = Files.readAllBytes(layer);
        b[b.length / 2] ^= 1;
        Files.write(layer, b);
        OciException e = assertThrows(OciException.class, () -> OciLayout.readDirectory(lay, "t"));
        assertTrue(e.getMessage().contains("does not match its digest"), e.getMessage());
    }

    @Test
    void descriptorsAreChecked() {
        Digest d = Digest.of(IMAGE);
        assertThrows(OciException.class, () -> KilnDescriptor.of("wasm", "x", 32, List.of(), List.of(), d));
        assertThrows(OciException.class, () -> KilnDescriptor.of("native", "../x", 32, List.of(), List.of(), d));
        assertThrows(OciException.class, () -> KilnDescriptor.of("native", "x", 0, List.of(), List.of(), d));
        assertThrows(OciException.class, () -> KilnDescriptor.of("native", "x", 32, List.of(70000), List.of(), d));
        String wrongPath = "{\"format\":\"kiln-oci/1\",\"flavor\":\"native\",\"name\":\"x\",\"memory_mb\":1,"
                + "\"image\":\"/etc/passwd\",\"image_digest\":\"" + d + "\"}";
        assertThrows(OciException.class, () -> Json.read(wrongPath.getBytes(), KilnDescriptor.class, "descriptor"));
        assertThrows(OciException.class, () -> KilnOciImage.of("other bytes".getBytes(),
                KilnDescriptor.of("native", "x", 1, List.of(), List.of(), d), Instant.EPOCH));
    }
}
