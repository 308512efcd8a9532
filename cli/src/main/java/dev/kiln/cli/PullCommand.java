package dev.kiln.cli;

import dev.kiln.oci.image.KilnLayer;
import dev.kiln.oci.image.OciImage;
import dev.kiln.oci.image.OciLayout;
import dev.kiln.oci.registry.ImageReference;
import dev.kiln.oci.registry.RegistryClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln pull REF`: a Kiln OCI image from a registry, every blob checked, written as an image file. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Pull a Kiln image from a registry: the manifest, config and layer are checked against",
                "their SHA-256 digests and the image file against the descriptor's; prints the file's path."})
final class PullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REGISTRY/REPO[:TAG|@DIGEST]", description = "The image, e.g. 127.0.0.1:5000/kiln/http-server:1.0.")
    String reference;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The image file (default NAME.kiln in this directory).")
    Path output;

    @Option(names = "--oci-layout", paramLabel = "DIR", description = "Also keep the OCI image as a layout in DIR (new or empty).")
    Path ociLayout;

    @Option(names = "--creds", paramLabel = "USER:PASSWORD",
            description = "Registry credentials (default: podman's or docker's auth file, else anonymous).")
    String creds;

    @Override
    public Integer call() throws Exception {
        ImageReference ref = OciCommands.reference(reference);
        OciImage oci = new RegistryClient(OciCommands.credentials(creds, ref), line -> System.err.println("kiln: " + line)).pull(ref);
        KilnLayer.Content content = oci.kilnContent();
        Path out = output != null ? output : Path.of(content.descriptor().name() + ".kiln");
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".kiln-pull", ".tmp");
        try {
            Files.write(tmp, content.image());
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (ociLayout != null) OciLayout.writeDirectory(oci, ref.tag() != null ? ref.tag() : "latest", ociLayout);
        System.err.println("kiln: pulled " + ref + " (" + content.descriptor().flavor() + " image " + content.descriptor().name()
                + ", manifest " + oci.manifest().digest() + ")");
        System.out.println(out);
        return 0;
    }
}
