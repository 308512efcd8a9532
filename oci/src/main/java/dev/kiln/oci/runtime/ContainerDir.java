package dev.kiln.oci.runtime;

import dev.kiln.linux.Libc;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.OciException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of one Kiln container under the runtime's root: {@code ROOT/kiln/ID/}. It
 * holds state.json and exec.fifo (the monitor waits on it until start, as runc's init does),
 * and, for the launcher (./kiln-oci, a shell script that answers start and state without a JVM),
 * {@code monitor} ("PID START_TICKS") and {@code state-STATUS.json} for every status. Containers
 * handed to runc keep runc's own {@code ROOT/ID}, so the two never meet; that this directory
 * exists is how later commands tell a Kiln container from runc's.
 */
final class ContainerDir {
    /** runc's rule for container ids. */
    private static final Pattern ID = Pattern.compile("[\\w+.-]{1,1024}");
    final String id;
    final Path dir;

    ContainerDir(Path root, String id) {
        if (!ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new RuntimeError("invalid container id '" + id + "' (letters, digits, '_', '+', '-', '.')");
        }
        this.id = id;
        this.dir = root.resolve("kiln").resolve(id);
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    Path state() {
        return dir.resolve("state.json");
    }

    Path fifo() {
        return dir.resolve("exec.fifo");
    }

    /** "PID START_TICKS\n" of the monitor (START_TICKS: /proc/PID/stat field 22), for the launcher. */
    Path monitor() {
        return dir.resolve("monitor");
    }

    /** What `state` prints while the container is in {@code status}, for the launcher. */
    Path ociState(String status) {
        return dir.resolve("state-" + status + ".json");
    }

    /**
     * The files the launcher answers start and state from, once the monitor's pid is known: the
     * state JSON for every status (made by {@link OciState}, the one definition of it) first,
     * the monitor file last, since the launcher takes the files as valid once that one exists.
     */
    void writeLauncherFacts(ContainerState s) {
        for (String status : OciState.STATUSES) writeAtomically(ociState(status), OciState.json(s, status));
        writeAtomically(monitor(), (s.pid() + " " + s.pidStart() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    ContainerState read() {
        if (!exists()) throw new RuntimeError("container " + id + " does not exist");
        try {
            return Json.read(Files.readAllBytes(state()), ContainerState.class, state().toString());
        } catch (IOException | OciException e) {
            throw new RuntimeError("container " + id + ": cannot read its state: " + e.getMessage());
        }
    }

    void write(ContainerState s) {
        writeAtomically(state(), Json.bytes(s));
    }

    void makeFifo() {
        int r = Libc.mkfifo(fifo().toString(), 0600);
        if (r < 0) throw new RuntimeError("mkfifo " + fifo() + ": " + dev.kiln.linux.Errno.describe(-r));
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a file. */
    static void writeAtomically(Path file, byte[] data) {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RuntimeError("cannot write " + file + ": " + e.getMessage());
        }
    }

    void remove() {
        if (!exists()) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new RuntimeError("cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
