package dev.kiln.engine.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.engine.api.VmState;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The VMs' files in the state directory:
 * <pre>
 *   vms/ID/config.json   the definition (written once, last at create: its presence makes the VM exist)
 *   vms/ID/state.json    status, runs, exits (rewritten atomically at every change; none yet: created)
 *   vms/ID/logs/         the console log files (see LogStore)
 * </pre>
 * A removal first renames vms/ID to vms/.removing-ID, so a daemon killed in the middle
 * leaves no half VM behind: the next start deletes the leftover.
 */
public final class VmStore {
    static final String CONFIG = "config.json", STATE = "state.json";
    private final Path vms;
    private final ObjectMapper json = ApiJson.mapper();

    /** What a daemon finds at its start. */
    public record Loaded(VmDefinition definition, VmState state) {}

    public VmStore(Path stateDir) throws IOException {
        this.vms = stateDir.resolve("vms");
        Files.createDirectories(vms);
    }

    public Path dir(String id) {
        return vms.resolve(id);
    }

    /** Writes the definition; no state.json yet, which means created (each fsync costs milliseconds on some disks). */
    public void create(VmDefinition def) throws IOException {
        Path d = dir(def.id());
        Files.createDirectory(d);
        AtomicFiles.write(d.resolve(CONFIG), json.writeValueAsBytes(def));
        AtomicFiles.syncDirectory(vms);
    }

    public void writeState(String id, VmState state) throws IOException {
        AtomicFiles.write(dir(id).resolve(STATE), json.writeValueAsBytes(state));
    }

    public void delete(String id) throws IOException {
        Path d = dir(id);
        Path doomed = vms.resolve(".removing-" + id);
        Files.move(d, doomed);
        AtomicFiles.syncDirectory(vms);
        deleteTree(doomed);
    }

    /** Every VM on disk; problems with one VM go to warn and do not stop the others from loading. */
    public List<Loaded> loadAll(Consumer<String> warn) throws IOException {
        List<Loaded> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(vms)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (name.startsWith(".removing-")) {
                    deleteTree(d);
                    continue;
                }
                if (!Files.isRegularFile(d.resolve(CONFIG))) {
                    warn.accept("removing " + d + ": its creation never finished (no " + CONFIG + ")");
                    deleteTree(d);
                    continue;
                }
                try {
                    VmDefinition def = json.readValue(d.resolve(CONFIG).toFile(), VmDefinition.class);
                    if (!def.id().equals(name)) throw new IOException("its id is " + def.id());
                    Path stateFile = d.resolve(STATE);
                    VmState state = Files.isRegularFile(stateFile) ? json.readValue(stateFile.toFile(), VmState.class)
                            : VmState.created();
                    found.add(new Loaded(def, state));
                } catch (IOException | RuntimeException e) {
                    warn.accept("skipping " + d + ": cannot read it: " + e.getMessage());
                }
            }
        }
        return found;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
