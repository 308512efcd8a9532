package dev.kiln.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs `kiln build` (a new process each time, as a user runs it) on broken inputs
 * ({@link BuildInputs}) and checks the answer: exit status 125, the builder's status for a
 * user's error, and exactly one error line on stderr ("kiln: error: ...", printable, not
 * endless), no stack trace, no "this looks like a bug" note; and no file written outside the
 * build's own directories (a jar entry named ../../x.class).
 */
public final class BuildFuzzer {
    /**
     * @param kiln the command that runs kiln (java, its options, class path, main class)
     * @param count inputs to try; input i is of kind i % BuildInputs.KINDS.size()
     * @param seed the run's seed (the random details of each input)
     * @param timeoutSeconds one build's limit: a hang guard
     */
    public record Options(List<String> kiln, int count, long seed, int timeoutSeconds) {}

    /** The run's counts; {@link #figures} is the command's last line. */
    public record Result(int inputs, int clearErrors, int stackTraces, int wrongStatus, int unclear, int escapedFiles,
                         int hangs, List<String> failures) {
        public String figures() {
            return String.format("fuzz build inputs=%d clear_errors=%d stack_traces=%d wrong_status=%d unclear_messages=%d"
                    + " files_outside=%d hangs=%d", inputs, clearErrors, stackTraces, wrongStatus, unclear, escapedFiles, hangs);
        }

        public boolean failed() {
            return clearErrors != inputs;
        }
    }

    private BuildFuzzer() {}

    public static Result run(Options o, Consumer<String> progress) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("kiln-fuzz-build");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int clear = 0, traces = 0, status = 0, unclear = 0, escaped = 0, hangs = 0;
        List<String> failures = new ArrayList<>();
        try {
            BuildInputs inputs = BuildInputs.in(scratch);
            progress.accept(String.format("fuzz build: seed %d, %d inputs of %d kinds in %s", o.seed(), o.count(),
                    BuildInputs.KINDS.size(), scratch));
            for (int i = 0; i < o.count(); i++) {
                SplittableRandom r = new SplittableRandom(HypercallFuzzer.vmSeed(o.seed(), i));
                BuildInputs.Input in = inputs.make(i, r);
                List<String> cmd = new ArrayList<>(o.kiln());
                cmd.add("build");
                cmd.addAll(in.args());
                Path err = scratch.resolve("stderr-" + i + ".txt");
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile()).start();
                String problem;
                if (!p.waitFor(o.timeoutSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    hangs++;
                    problem = "no answer after " + o.timeoutSeconds() + " s";
                } else {
                    String stderr = Files.readString(err, StandardCharsets.UTF_8);
                    problem = judge(p.exitValue(), stderr);
                    if (problem != null) {
                        if (problem.startsWith("stack trace")) traces++;
                        else if (problem.startsWith("exit status")) status++;
                        else unclear++;
                    }
                }
                Path outside = tmp.resolve("kiln-fuzz-escaped-" + i + ".class");
                if (Files.exists(outside)) {
                    Files.delete(outside);
                    escaped++;
                    problem = (problem == null ? "" : problem + "; ") + "wrote " + outside + " outside the build directory";
                }
                if (problem == null) {
                    clear++;
                    progress.accept(String.format("fuzz build: %d %s: %s", i, in.kind(),
                            errorLine(Files.readString(err, StandardCharsets.UTF_8))));
                } else {
                    String line = String.format("input %d %s (kiln build %s): %s", i, in.kind(), String.join(" ", in.args()), problem);
                    failures.add(line);
                    progress.accept("fuzz build: FAILED " + line);
                }
            }
        } finally {
            dev.kiln.fuzz.Files2.deleteTree(scratch);
        }
        return new Result(o.count(), clear, traces, status, unclear, escaped, hangs, failures);
    }

    /** Null when the answer is right; else what is wrong with it, with the output that shows it. */
    static String judge(int exit, String stderr) {
        List<String> lines = stderr.lines().toList();
        if (lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in thread")
                || l.startsWith("Caused by: "))) {
            return "stack trace on stderr (exit " + exit + "):\n" + stderr;
        }
        if (exit != 125) return "exit status " + exit + ", not 125:\n" + stderr;
        List<String> errors = lines.stream().filter(l -> !l.startsWith("kiln: ") || l.startsWith("kiln: error:")
                || l.contains("looks like a bug")).toList();
        if (errors.size() != 1 || !errors.getFirst().startsWith("kiln: error: ")) {
            return "not one error line:\n" + stderr;
        }
        if (!ImageFuzzer.isClear(errors.getFirst())) return "the error line is not clear: " + errors.getFirst();
        return null;
    }

    private static String errorLine(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("kiln: error:")).findFirst().orElse("?");
    }
}
