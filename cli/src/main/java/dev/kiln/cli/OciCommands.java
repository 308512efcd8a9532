package dev.kiln.cli;

import dev.kiln.oci.registry.Credentials;
import dev.kiln.oci.registry.ImageReference;

/** What `kiln push` and `kiln pull` share: reading the reference and the credentials. */
final class OciCommands {
    private OciCommands() {}

    static ImageReference reference(String text) {
        try {
            return ImageReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static Credentials credentials(String creds, ImageReference ref) {
        if (creds == null) return Credentials.find(ref.registry());
        try {
            return Credentials.parse(creds);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
