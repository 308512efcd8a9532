package dev.kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln fuzz parsers`: the Java parsers under Jazzer, coverage-guided, one after the other: the
 * fuzz module's @FuzzTest targets run by Maven with JAZZER_FUZZ=1 (Jazzer fuzzes one target per
 * run), each for --seconds. A finding is written by Jazzer beside the target's seeds
 * (fuzz/src/test/resources/.../*Inputs/METHOD/crash-*), where every later test run replays it.
 * Exit status 0 without findings, else 1.
 */
@Command(name = "parsers", mixinStandardHelpOptions = true,
        description = {"The Java parsers under Jazzer, coverage-guided, each for --seconds.",
                "The ELF loader, the manifest, libos's TCP segment and IPv4 input, the DNS example's message parser, one after the other through Maven (JAZZER_FUZZ=1)."})
final class FuzzParsersCommand implements Callable<Integer> {
    /** Short name to the JUnit selector of its @FuzzTest in the fuzz module. */
    static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("elf", "dev.kiln.fuzz.ImageParsersFuzzTest#elfImage");
        TARGETS.put("manifest", "dev.kiln.fuzz.ImageParsersFuzzTest#manifest");
        TARGETS.put("tcp", "dev.kiln.libos.net.NetParsersFuzzTest#tcpSegment");
        TARGETS.put("ipv4", "dev.kiln.libos.net.NetParsersFuzzTest#ipv4Frame");
        TARGETS.put("dns", "dnsserver.DnsMessageFuzzTest#query");
    }

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern FINDING = Pattern.compile("Test unit written to (\\S+)");

    @Option(names = "--seconds", paramLabel = "S", description = "Fuzzing time per target (default: ${DEFAULT-VALUE}).")
    int seconds = 60;

    @Option(names = "--target", paramLabel = "NAME", description = "Only this target: elf, manifest, tcp, ipv4 or dns.")
    String target;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1) throw new UserError("--seconds must be at least 1");
        if (target != null && !TARGETS.containsKey(target))
            throw new UserError("--target must be one of " + String.join(", ", TARGETS.keySet()) + ", not " + target);
        Path home = KilnHome.root();
        if (!Files.isRegularFile(home.resolve("fuzz/pom.xml")))
            throw new UserError(home + " has no fuzz/ module: kiln fuzz parsers runs from a Kiln checkout");
        Path logs = Files.createDirectories(home.resolve(".kiln/fuzz-parsers"));
        long runs = 0;
        List<String> findings = new ArrayList<>();
        StringBuilder perTarget = new StringBuilder();
        for (var t : TARGETS.entrySet()) {
            if (target != null && !target.equals(t.getKey())) continue;
            Path log = logs.resolve(t.getKey() + ".log");
            System.err.println("kiln: fuzz parsers: " + t.getKey() + " (" + t.getValue() + ") for " + seconds + " s; log " + log);
            int status = maven(home, t.getValue(), log);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            long n = 0;
            for (Matcher m = DONE.matcher(out); m.find(); ) n = Long.parseLong(m.group(1));
            List<String> found = new ArrayList<>();
            for (Matcher m = FINDING.matcher(out); m.find(); ) found.add(m.group(1));
            if (n == 0 && status != 0 && found.isEmpty()) {
                throw new UserError("Jazzer did not run " + t.getKey() + " (Maven exit status " + status + "); see " + log);
            }
            runs += n;
            findings.addAll(found);
            perTarget.append(' ').append(t.getKey()).append("_runs=").append(n);
            System.err.println("kiln: fuzz parsers: " + t.getKey() + ": " + n + " runs, "
                    + (found.isEmpty() ? "no finding" : "FINDING " + String.join(", ", found)));
        }
        System.out.printf("fuzz parsers targets=%d seconds_each=%d runs=%d findings=%d%s%n",
                target == null ? TARGETS.size() : 1, seconds, runs, findings.size(), perTarget);
        return findings.isEmpty() ? 0 : 1;
    }

    /** mvn test of the fuzz module, one target, JAZZER_FUZZ=1; output to log; the exit status. */
    private int maven(Path home, String selector, Path log) throws IOException, InterruptedException {
        List<String> cmd = List.of("mvn", "-B", "-ntp", "test", "-pl", "fuzz", "-Dtest=" + selector,
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Djazzer.max_duration=" + seconds + "s");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAZZER_FUZZ", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new UserError("cannot run mvn (" + e.getMessage() + "): kiln fuzz parsers needs Maven, which ./kiln installs");
        }
    }
}
