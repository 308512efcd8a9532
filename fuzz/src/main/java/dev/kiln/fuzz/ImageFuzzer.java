package dev.kiln.fuzz;

import dev.kiln.image.GuestImage;
import dev.kiln.image.ImageException;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.VmmException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Feeds mutated real images ({@link ImageMutator}) through every reader of image files: the
 * loader ({@link GuestImage#parse}, which runs the manifest parser on the note), the manifest
 * parser directly on the mutant's note, and `kiln inspect`'s code path (handed in by the CLI,
 * which owns it). Each must either accept the file or refuse it with one clear line: an
 * exception of the kind the CLI reports as a user's error ({@link ImageException} for the
 * loader and the manifest; for inspect, whatever the caller's {@link Inspect#isClearRefusal}
 * says), whose message is one line of printable text. Any other exception, and any
 * {@link OutOfMemoryError}, escaped. The mutants the loader accepts are booted in one monitor
 * with a timeout (those whose loaded bytes, entry and manifest were booted already are
 * counted but not booted again), and their ends counted; a monitor-side failure there counts
 * as escaped too.
 *
 * <p>Mutant i of a run seeded with S is a function of (S, i) and the seed images, so
 * `--replay I` rebuilds and re-checks exactly that one.
 */
public final class ImageFuzzer {
    /** The longest message that still reads as one line. */
    static final int MAX_MESSAGE = 400;

    /** kiln inspect's code path, from the CLI: reads the file, throws to refuse it. */
    public interface Inspect {
        void inspect(Path image) throws Exception;

        /** Is this throwable one the CLI reports as one line ("kiln: error: ..."), not as a bug? */
        boolean isClearRefusal(Throwable t);
    }

    /**
     * @param seeds real images to mutate
     * @param count mutants to make
     * @param seed the run's seed
     * @param inspect kiln inspect's code path, or null to leave it out
     * @param kvm the monitor to boot accepted mutants in, or null not to boot them
     * @param bootTimeout each boot's limit
     * @param parallel boots at the same time
     */
    public record Options(List<Path> seeds, long count, long seed, Inspect inspect, Kvm kvm, Duration bootTimeout,
                          int parallel) {}

    /** The run's counts; {@link #figures} is the command's last line. */
    public record Result(long mutants, long refused, long parsed, long booted, long bootRepeats,
                         Map<String, Long> bootEnds, long escaped, long oom, long unclear, long inspectLenient,
                         long fuzzerErrors, List<String> failures) {
        public String figures() {
            StringBuilder ends = new StringBuilder();
            bootEnds.forEach((k, v) -> ends.append(ends.isEmpty() ? "" : ",").append(k).append(':').append(v));
            return String.format("fuzz images mutants=%d refused=%d parsed=%d booted=%d boot_repeats_skipped=%d"
                            + " boot_ends=%s escaped=%d oom=%d unclear_messages=%d inspect_lenient=%d%s",
                    mutants, refused, parsed, booted, bootRepeats, ends.isEmpty() ? "none" : ends, escaped, oom, unclear,
                    inspectLenient, fuzzerErrors > 0 ? " FUZZER_ERRORS=" + fuzzerErrors : "");
        }

        public boolean failed() {
            return escaped > 0 || oom > 0 || unclear > 0 || fuzzerErrors > 0;
        }
    }

    private record Seed(String name, byte[] bytes) {}

    private final Options options;
    private final Consumer<String> progress;
    private final List<Seed> seeds = new ArrayList<>();
    private final Path scratch;
    private long refused, parsed, booted, bootRepeats, escaped, oom, unclear, inspectLenient, fuzzerErrors;
    private final Map<String, Long> bootEnds = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> bootedIdentities = new HashSet<>();

    private ImageFuzzer(Options options, Consumer<String> progress) throws IOException {
        this.options = options;
        this.progress = progress;
        for (Path p : options.seeds()) {
            String name = p.getFileName().toString().replaceFirst("\\.(elf|kiln)$", "");
            seeds.add(new Seed(name, Files.readAllBytes(p)));
        }
        if (seeds.isEmpty()) throw new IllegalArgumentException("no seed images");
        this.scratch = Files.createTempFile("kiln-fuzz-image", ".kiln");
    }

    public static Result run(Options options, Consumer<String> progress) throws IOException, InterruptedException {
        ImageFuzzer f = new ImageFuzzer(options, progress);
        try {
            return f.run();
        } finally {
            Files.deleteIfExists(f.scratch);
        }
    }

    /** Mutant number index of a run seeded with seed, from the given seed images (as the run made it). */
    public static ImageMutator.Mutant mutant(List<byte[]> seedImages, long seed, long index) {
        SplittableRandom r = new SplittableRandom(HypercallFuzzer.vmSeed(seed, index));
        byte[] original = seedImages.get(r.nextInt(seedImages.size()));
        return ImageMutator.mutate(original, r);
    }

    private Result run() throws IOException, InterruptedException {
        progress.accept(String.format("fuzz images: seed %d, %d mutants of %d images (%s)%s", options.seed(),
                options.count(), seeds.size(), String.join(", ", seeds.stream().map(Seed::name).toList()),
                options.kvm() != null ? ", accepted ones booted for " + options.bootTimeout().toMillis() + " ms at most" : ""));
        List<byte[]> images = seeds.stream().map(Seed::bytes).toList();
        List<Boot> pending = new ArrayList<>();
        ExecutorService boots = options.kvm() == null ? null : Executors.newFixedThreadPool(options.parallel(),
                r -> Thread.ofPlatform().name("fuzz-images-boot").daemon().unstarted(r));
        long lastReport = System.nanoTime();
        try {
            for (long i = 0; i < options.count(); i++) {
                ImageMutator.Mutant m;
                try {
                    m = mutant(images, options.seed(), i);
                } catch (RuntimeException e) { // the fuzzer's own bug: said loudly, and the run fails
                    fuzzerErrors++;
                    failures.add("mutant " + i + ": the mutator failed: " + HypercallFuzzer.stackTrace(e));
                    progress.accept("fuzz images: " + failures.getLast());
                    continue;
                }
                GuestImage image = check(i, m);
                if (image != null && boots != null) {
                    String id = identity(image, m.bytes());
                    if (bootedIdentities.add(id)) {
                        long index = i;
                        pending.add(new Boot(index, m.description(), boots.submit(() -> boot(image))));
                    } else {
                        bootRepeats++;
                    }
                }
                if (pending.size() >= 64) drain(pending);
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.accept(String.format("fuzz images: %d mutants (%d%%), %d refused, %d parsed, %d booted, %d escaped",
                            i + 1, (i + 1) * 100 / options.count(), refused, parsed, booted, escaped));
                }
            }
            drain(pending);
        } finally {
            if (boots != null) boots.shutdownNow();
        }
        return new Result(options.count(), refused, parsed, booted, bootRepeats, bootEnds, escaped, oom, unclear,
                inspectLenient, fuzzerErrors, List.copyOf(failures));
    }

    /** Checks one mutant with every reader; returns the loaded image when the loader accepted it. */
    private GuestImage check(long index, ImageMutator.Mutant m) throws IOException {
        GuestImage image = null;
        try {
            image = GuestImage.parse(m.bytes(), "mutant");
            parsed++;
        } catch (ImageException e) {
            refused++;
            requireClear(index, m, "loader", e.getMessage());
        } catch (OutOfMemoryError e) {
            oom++;
            fail(index, m, "loader", e);
        } catch (Throwable t) {
            escaped++;
            fail(index, m, "loader", t);
        }
        int note = ImageMutator.kilnNote(m.bytes());
        if (note >= 0) manifest(index, m, note);
        if (options.inspect() != null) {
            Files.write(scratch, m.bytes());
            try {
                options.inspect().inspect(scratch);
                if (image == null) inspectLenient++; // shows what run would refuse: the two readers differ
            } catch (OutOfMemoryError e) {
                oom++;
                fail(index, m, "inspect", e);
            } catch (Throwable t) {
                if (options.inspect().isClearRefusal(t)) {
                    requireClear(index, m, "inspect", t.getMessage());
                } else {
                    escaped++;
                    fail(index, m, "inspect", t);
                }
            }
        }
        return image;
    }

    /** The manifest parser on the note's descriptor as it stands in the mutant (whatever its sizes say). */
    private void manifest(long index, ImageMutator.Mutant m, int note) {
        byte[] b = m.bytes();
        if (note + 20 > b.length) return;
        long descsz = (b[note + 4] & 0xffL) | (b[note + 5] & 0xffL) << 8 | (b[note + 6] & 0xffL) << 16
                | (b[note + 7] & 0xffL) << 24;
        int end = (int) Math.min(b.length, note + 20 + Math.min(descsz, 1 << 20));
        byte[] desc = java.util.Arrays.copyOfRange(b, note + 20, end);
        try {
            dev.kiln.image.Manifest.parse(desc);
        } catch (ImageException e) {
            requireClear(index, m, "manifest", e.getMessage());
        } catch (OutOfMemoryError e) {
            oom++;
            fail(index, m, "manifest", e);
        } catch (Throwable t) {
            escaped++;
            fail(index, m, "manifest", t);
        }
    }

    /** One line a person can read: not blank, no control characters (no newline, no terminal escapes), not endless. */
    static boolean isClear(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) return false;
        return message.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }

    private void requireClear(long index, ImageMutator.Mutant m, String stage, String message) {
        if (isClear(message)) return;
        unclear++;
        note(index, m, stage, "refused with a message that is not one clear line: "
                + (message == null ? "null" : quote(message)));
    }

    private void fail(long index, ImageMutator.Mutant m, String stage, Throwable t) {
        note(index, m, stage, "escaped: " + HypercallFuzzer.stackTrace(t));
    }

    private void note(long index, ImageMutator.Mutant m, String stage, String what) {
        String line = String.format("mutant %d (--replay %d; %s): %s %s", index, index, m.description(), stage, what);
        if (failures.size() < 200) failures.add(line);
        progress.accept("fuzz images: " + line);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (sb.length() > 200) return sb.append("...\" (").append(s.length()).append(" chars)").toString();
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.append('"').toString();
    }

    // ---- booting -------------------------------------------------------------------------------

    private record Boot(long index, String description, Future<VmExit> end) {}

    private VmExit boot(GuestImage image) {
        VmConfig config = VmConfig.of(image, OutputStream.nullOutputStream()).withTimeout(options.bootTimeout());
        try (Vm vm = Vm.create(options.kvm(), config)) {
            return vm.run();
        } catch (VmmException e) { // the user's problem: memory_mb too small for the image, say
            return new VmExit.Stopped("not created: " + e.getMessage());
        }
    }

    private void drain(List<Boot> pending) throws InterruptedException {
        for (Boot b : pending) {
            String end;
            try {
                VmExit exit = b.end().get();
                end = switch (exit) {
                    case VmExit.Exited e -> "exited";
                    case VmExit.Crashed c -> "crashed";
                    case VmExit.Aborted a -> "aborted";
                    case VmExit.GuestError g -> HypercallFuzzer.isMonitorSide(g.message()) ? null : "guest_error";
                    case VmExit.TimedOut t -> "timed_out";
                    case VmExit.Stopped s -> s.reason().startsWith("not created") ? "not_created" : "stopped";
                };
                if (end == null) {
                    escaped++;
                    failures.add("mutant " + b.index() + " (--replay " + b.index() + "; " + b.description()
                            + "): boot: monitor failure: " + exit.describe());
                    progress.accept("fuzz images: " + failures.getLast());
                    continue;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                escaped++;
                failures.add("mutant " + b.index() + " (--replay " + b.index() + "; " + b.description() + "): boot: escaped: "
                        + HypercallFuzzer.stackTrace(e.getCause()));
                progress.accept("fuzz images: " + failures.getLast());
                continue;
            }
            booted++;
            bootEnds.merge(end, 1L, Long::sum);
        }
        pending.clear();
    }

    /** What a boot depends on: entry, segments and their bytes, TLS, manifest (not symbols or section headers). */
    private static String identity(GuestImage image, byte[] file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(Long.toString(image.entry()).getBytes());
        for (GuestImage.Segment s : image.segments()) {
            md.update(s.toString().getBytes());
            md.update(file, (int) s.fileOffset(), (int) s.fileSize());
        }
        image.tls().ifPresent(t -> {
            md.update(t.toString().getBytes());
            md.update(file, (int) t.fileOffset(), (int) t.fileSize());
        });
        md.update(image.manifest().toString().getBytes());
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
