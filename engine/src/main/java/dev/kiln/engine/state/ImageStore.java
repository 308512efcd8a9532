package dev.kiln.engine.state;

import dev.kiln.image.GuestImage;
import dev.kiln.image.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The daemon's copies of images, named by their SHA-256 (images/sha256/HEX): a VM's definition
 * pins the image it was created from, as a container's does, so rebuilding or deleting the
 * file later changes nothing; VMs of one image share one copy on disk and one parsed image in
 * memory.
 */
public final class ImageStore {
    /** Images larger than this are refused (native images are hundreds of KiB). */
    static final long MAX_IMAGE_BYTES = 256L << 20;
    private static final byte[] JVM_MAGIC = "KILNJVM1".getBytes(StandardCharsets.US_ASCII);
    private final Path dir;
    private final Map<String, GuestImage> parsed = new ConcurrentHashMap<>();
    /** Digests added by a create that has not yet registered its VM (guarded by this): never deleted meanwhile. */
    private final Map<String, Integer> pinned = new java.util.HashMap<>();

    /** An image in the store: its digest (sha256:HEX) and name (the manifest's, else the file's). */
    public record Stored(String digest, String name, boolean jvm) {}

    public ImageStore(Path stateDir) throws IOException {
        this.dir = stateDir.resolve("images").resolve("sha256");
        Files.createDirectories(dir);
    }

    /**
     * Validates the file as a native image and stores a copy; IllegalArgumentException (the
     * user's mistake) for a missing, unreadable or invalid file. The copy is pinned until
     * {@link #unpin}: the caller unpins once its VM is registered, so that a concurrent
     * {@link #retainOnly} (the removal of the image's last other VM) cannot delete it between.
     */
    public Stored add(Path source) throws IOException {
        byte[] data;
        try {
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException(Files.exists(source) ? source + " is not a regular file" : "no such image: " + source);
            }
            if (Files.size(source) > MAX_IMAGE_BYTES) {
                throw new IllegalArgumentException(source + " is larger than " + (MAX_IMAGE_BYTES >> 20) + " MiB: not a Kiln image");
            }
            data = Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such image: " + source);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + source + ": " + e.getMessage());
        }
        if (isJvm(data)) return addJvm(source, data);
        String name = defaultName(source);
        GuestImage image;
        try {
            image = GuestImage.parse(data, name);
        } catch (ImageException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        String hex = sha256(data);
        Path file = dir.resolve(hex);
        String digest = "sha256:" + hex;
        synchronized (this) { // concurrent creates of one image: one writes the copy (they would share its temporary file)
            if (!Files.exists(file)) AtomicFiles.write(file, data);
            pinned.merge(digest, 1, Integer::sum);
        }
        parsed.putIfAbsent(key(digest, name), image);
        return new Stored(digest, image.name(), false);
    }

    /** A jvm-flavor image: stored as it is, its header and manifest read back from the copy (QEMU boots the copy). */
    private Stored addJvm(Path source, byte[] data) throws IOException {
        String hex = sha256(data);
        Path file = dir.resolve(hex);
        String digest = "sha256:" + hex;
        synchronized (this) {
            if (!Files.exists(file)) AtomicFiles.write(file, data);
            pinned.merge(digest, 1, Integer::sum);
        }
        try {
            return new Stored(digest, dev.kiln.jvm.build.JvmImage.read(file).manifest().name(), true);
        } catch (IOException | RuntimeException e) {
            unpin(digest);
            throw new IllegalArgumentException(source + ": not a valid jvm-flavor image: " + e.getMessage());
        }
    }

    /** Whether the stored image of a digest is a jvm-flavor image (run on QEMU) rather than a native one. */
    public boolean isJvm(String digest) throws IOException {
        try (var in = Files.newInputStream(path(digest))) {
            return isJvm(in.readNBytes(JVM_MAGIC.length));
        }
    }

    private static boolean isJvm(byte[] data) {
        return data.length >= JVM_MAGIC.length && Arrays.equals(data, 0, JVM_MAGIC.length, JVM_MAGIC, 0, JVM_MAGIC.length);
    }

    /** The parsed image of a stored digest (shared by its VMs); name is the default for an image without a manifest name. */
    public GuestImage image(String digest, String sourceFileName) throws IOException {
        String key = key(digest, sourceFileName);
        GuestImage image = parsed.get(key);
        if (image != null) return image;
        byte[] data = Files.readAllBytes(path(digest));
        if (!("sha256:" + sha256(data)).equals(digest)) {
            throw new IOException("the stored image " + path(digest) + " does not match its digest: the state directory is damaged");
        }
        image = GuestImage.parse(data, sourceFileName);
        GuestImage previous = parsed.putIfAbsent(key, image);
        return previous != null ? previous : image;
    }

    public Path path(String digest) {
        if (!digest.matches("sha256:[0-9a-f]{64}")) throw new IllegalArgumentException("bad image digest " + digest);
        return dir.resolve(digest.substring(7));
    }

    /** Releases a pin of {@link #add}. */
    public synchronized void unpin(String digest) {
        pinned.computeIfPresent(digest, (d, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Deletes the copies and parsed images no VM uses any more. The digests in use are asked
     * for under the store's lock, so a create that unpinned its copy before is among them.
     */
    public synchronized void retainOnly(java.util.function.Supplier<Set<String>> inUse) throws IOException {
        Set<String> digestsInUse = new java.util.HashSet<>(inUse.get());
        digestsInUse.addAll(pinned.keySet());
        parsed.keySet().removeIf(k -> !digestsInUse.contains(k.substring(0, k.indexOf('\0'))));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("[0-9a-f]{64}") && !digestsInUse.contains("sha256:" + name)) Files.deleteIfExists(f);
            }
        }
    }

    /** The name an image without a manifest name gets: its file name without ".elf". */
    public static String defaultName(Path source) {
        String fileName = source.getFileName().toString();
        return fileName.endsWith(".elf") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private static String key(String digest, String name) {
        return digest + "\0" + name;
    }

    /** An image's identity as the daemon names it, which its bytes are stored and pinned by: "sha256:HEX" (a VM definition's imageDigest; kiln run --metrics-addr labels with it too). */
    public static String digest(byte[] data) {
        return "sha256:" + sha256(data);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
