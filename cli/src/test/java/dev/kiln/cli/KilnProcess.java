package dev.kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the kiln command in a new JVM, as the launcher does, and captures what a user would see. */
record KilnProcess(int exitStatus, String stdout, String stderr) {
    static final int HANG_GUARD_SECONDS = 600;

    static Path guest(String relative) {
        Path file = Path.of(System.getProperty("kiln.guest.dir")).resolve(relative);
        if (!Files.isRegularFile(file)) throw new AssertionError("test guest missing (make -C guest): " + file);
        return file;
    }

    static KilnProcess run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        Path out = Files.createTempFile("kiln-out", ".txt");
        Path err = Files.createTempFile("kiln-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // A hang guard, not a deadline: `kiln build` (TeaVM, gcc) on a loaded 2-core machine takes minutes.
            if (!p.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kiln " + String.join(" ", args) + " did not finish in " + HANG_GUARD_SECONDS + " s");
            }
            return new KilnProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitStatus + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
