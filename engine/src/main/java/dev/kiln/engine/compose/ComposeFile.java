package dev.kiln.engine.compose;

import java.nio.file.Path;
import java.util.List;

/**
 * A compose file as Kiln understood it.
 *
 * @param file where it was read from (relative paths in it are relative to its directory)
 * @param name the top-level {@code name:} (the project's name), null if not given
 * @param services in the file's order
 */
public record ComposeFile(Path file, String name, List<Service> services) {
    public ComposeFile {
        services = List.copyOf(services);
    }

    public Service service(String name) {
        for (Service s : services) {
            if (s.name().equals(name)) return s;
        }
        return null;
    }
}
