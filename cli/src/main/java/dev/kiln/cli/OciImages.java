package dev.kiln.cli;

import dev.kiln.oci.image.Digest;
import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnOciImage;
import dev.kiln.oci.image.OciImage;
import dev.kiln.image.GuestImage;
import dev.kiln.jvm.build.JvmImage;
import dev.kiln.vmm.VmConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A Kiln image file (native or jvm) as an OCI image: what `kiln build --oci-*` and `kiln push` send. */
public final class OciImages {
    private OciImages() {}

    /** Reads the image file, finds its flavor and facts, and wraps it. */
    public static OciImage of(Path imageFile, List<Integer> ports) throws IOException {
        RunCommand.existingImage(imageFile);
        byte[] bytes = Files.readAllBytes(imageFile);
        Digest digest = Digest.of(bytes);
        KilnDescriptor d;
        if (JvmImage.hasMagic(imageFile)) {
            var m = JvmImage.read(imageFile).manifest();
            d = KilnDescriptor.of("jvm", m.name(), m.memoryMb(), ports, m.args(), digest);
        } else {
            GuestImage g = GuestImage.load(imageFile);
            int mb = g.manifest().memoryMb() != 0 ? g.manifest().memoryMb() : (int) (VmConfig.DEFAULT_MEMORY >> 20);
            d = KilnDescriptor.of("native", g.name(), mb, ports, g.manifest().args(), digest);
        }
        return KilnOciImage.of(bytes, d, created());
    }

    /** SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
    static Instant created() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("[0-9]{1,12}")) return Instant.ofEpochSecond(Long.parseLong(epoch));
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
