package dev.kiln.cli.cri;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.OciImage;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pod's pause container without a registry: Debian's static catatonit in pause mode
 * (`catatonit -P`, what the kubelet's pause image does) as a one-layer image holding /pause.
 */
public final class PauseImage {
    /** Where Debian's package catatonit puts it. */
    public static final Path CATATONIT = Path.of("/usr/bin/catatonit");

    private PauseImage() {}

    public static OciImage catatonit() throws IOException {
        if (!Files.isExecutable(CATATONIT)) throw new IOException(CATATONIT + " is missing (Debian package catatonit)");
        byte[] pause = Files.readAllBytes(CATATONIT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry("pause");
            e.setMode(0100755);
            e.setSize(pause.length);
            tar.putArchiveEntry(e);
            tar.write(pause);
            tar.closeArchiveEntry();
        }
        ObjectNode config = Json.object();
        config.putArray("Entrypoint").add("/pause").add("-P");
        return OciImage.build(List.of(out.toByteArray()), config, Map.of(), Instant.EPOCH, "catatonit -P as the pause container");
    }
}
