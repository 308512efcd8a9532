package dev.kiln.cli;

import dev.kiln.oci.image.OciImage;
import dev.kiln.oci.image.OciLayout;
import dev.kiln.oci.registry.Credentials;
import dev.kiln.oci.registry.ImageReference;
import dev.kiln.oci.registry.RegistryClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln push IMAGE REGISTRY/REPO:TAG`: a Kiln image (or an OCI layout of one) into a registry. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push an image to a registry as an OCI image (one layer: the image at /kiln/image and",
                "/kiln/kiln.json). Plain HTTP for registries on 127.0.0.1 or localhost, HTTPS otherwise."})
final class PushCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "A Kiln image file, or an OCI layout directory made by kiln build --oci-layout.")
    Path image;

    @Parameters(index = "1", paramLabel = "REGISTRY/REPO:TAG", description = "Where to push, e.g. 127.0.0.1:5000/kiln/http-server:1.0.")
    String reference;

    @Option(names = "--port", paramLabel = "PORT", description = "A TCP port the app serves (repeatable), for ExposedPorts and dev.kiln.ports.")
    List<Integer> ports = new ArrayList<>();

    @Option(names = "--creds", paramLabel = "USER:PASSWORD",
            description = "Registry credentials (default: podman's or docker's auth file, else anonymous).")
    String creds;

    @Override
    public Integer call() throws Exception {
        ImageReference ref = OciCommands.reference(reference);
        if (ref.tag() == null) throw new UserError("push needs a tag: " + reference);
        OciImage oci = Files.isDirectory(image) ? OciLayout.readDirectory(image, null) : OciImages.of(image, ports);
        Credentials c = OciCommands.credentials(creds, ref);
        new RegistryClient(c, line -> System.err.println("kiln: " + line)).push(oci, ref);
        System.out.println(ref.registry() + "/" + ref.repository() + "@" + oci.manifest().digest());
        return 0;
    }
}
