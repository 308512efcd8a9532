package dev.kiln.vmm;

import dev.kiln.image.GuestImage;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to boot and how.
 *
 * @param image the image to boot
 * @param memoryBytes guest memory; 0 means the manifest's {@code memory_mb}, else {@link #DEFAULT_MEMORY}
 * @param timeout stop the VM after this long ({@link VmExit.TimedOut}); null for no limit
 * @param args arguments appended after the manifest's (argv[0] is the image name)
 * @param env "KEY=VALUE" entries; a KEY given here replaces the manifest's
 * @param console where the guest's console output goes (flushed after every write)
 * @param net the net device, or null for a VM without network
 */
public record VmConfig(GuestImage image, long memoryBytes, Duration timeout, List<String> args, List<String> env,
                       OutputStream console, NetConfig net) {
    public static final long DEFAULT_MEMORY = 64L << 20;

    public VmConfig {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(console, "console");
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
        if (memoryBytes < 0) throw new IllegalArgumentException("memoryBytes < 0");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A VM without a net device. */
    public VmConfig(GuestImage image, long memoryBytes, Duration timeout, List<String> args, List<String> env,
                    OutputStream console) {
        this(image, memoryBytes, timeout, args, env, console, null);
    }

    /** Manifest defaults, no timeout, no extra arguments. */
    public static VmConfig of(GuestImage image, OutputStream console) {
        return new VmConfig(image, 0, null, List.of(), List.of(), console);
    }

    public VmConfig withMemoryBytes(long bytes) {
        return new VmConfig(image, bytes, timeout, args, env, console, net);
    }

    public VmConfig withTimeout(Duration t) {
        return new VmConfig(image, memoryBytes, t, args, env, console, net);
    }

    public VmConfig withArgs(List<String> a) {
        return new VmConfig(image, memoryBytes, timeout, a, env, console, net);
    }

    public VmConfig withEnv(List<String> e) {
        return new VmConfig(image, memoryBytes, timeout, args, e, console, net);
    }

    public VmConfig withNet(NetConfig n) {
        return new VmConfig(image, memoryBytes, timeout, args, env, console, n);
    }

    /** The memory this VM gets: explicit, else the manifest's, else 64 MiB. */
    public long effectiveMemoryBytes() {
        if (memoryBytes != 0) return memoryBytes;
        if (image.manifest().memoryMb() != 0) return (long) image.manifest().memoryMb() << 20;
        return DEFAULT_MEMORY;
    }
}
