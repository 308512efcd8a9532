package dev.kiln.oci.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.oci.image.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A user name and password for a registry: given on the command line ({@code --creds USER:PASSWORD}),
 * else found where podman and docker keep them (the {@code auths} of
 * {@code $REGISTRY_AUTH_FILE}, {@code $XDG_RUNTIME_DIR/containers/auth.json},
 * {@code ~/.docker/config.json}), else none (anonymous).
 */
public record Credentials(String user, String password) {
    public static Credentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("--creds takes USER:PASSWORD");
        return new Credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    /** Credentials for {@code registry} from the usual auth files, or null. */
    public static Credentials find(String registry) {
        List<Path> files = new ArrayList<>();
        String env = System.getenv("REGISTRY_AUTH_FILE");
        if (env != null) files.add(Path.of(env));
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null) files.add(Path.of(xdg, "containers", "auth.json"));
        files.add(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) continue;
            try {
                if (Files.size(f) > 1 << 20) continue;
                JsonNode auth = Json.tree(Files.readAllBytes(f), f.toString()).path("auths").path(registry).path("auth");
                if (auth.isTextual()) {
                    return parse(new String(Base64.getDecoder().decode(auth.asText()), StandardCharsets.UTF_8));
                }
            } catch (IOException | IllegalArgumentException | dev.kiln.oci.image.OciException e) {
                // an unreadable auth file is the same as none: the registry will say what it wants
            }
        }
        return null;
    }

    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
