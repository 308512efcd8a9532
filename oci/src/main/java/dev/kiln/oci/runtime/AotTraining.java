package dev.kiln.oci.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.oci.image.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The training run of kiln-oci's AOT cache (JDK 25, -XX:AOTCacheOutput): it walks the paths
 * every container start takes, without a container: picocli parsing each command, a bundle's
 * config.json read, state written and read back, the JSON log line, state's and features'
 * output. The launcher runs it once, when the cache is missing or older than the jar; the
 * classes it loads are then loaded and linked from the cache at every later start.
 */
@Command(name = "aot-train", hidden = true)
final class AotTraining implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Path tmp = Files.createTempDirectory("kiln-oci-aot");
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            for (String[] args : List.of(new String[] {"features"}, new String[] {"--root", tmp.toString(), "state", "x"},
                    new String[] {"create", "--bundle", tmp.toString(), "--pid-file", "p", "x"},
                    new String[] {"kill", "x", "KILL"}, new String[] {"delete", "--force", "x"}, new String[] {"start", "x"})) {
                new CommandLine(new KilnOci()).parseArgs(args);
            }
            new CommandLine(new KilnOci()).execute("features");
            ObjectNode config = Json.object();
            config.putObject("root").put("path", "rootfs");
            config.putObject("process").putArray("args").add("/kiln/image");
            config.putObject("linux").put("cgroupsPath", "/a/b").putArray("namespaces").addObject().put("type", "network");
            Files.createDirectories(tmp.resolve("rootfs"));
            Files.write(tmp.resolve("config.json"), Json.bytes(config));
            Bundle b = Bundle.read(tmp);
            b.guestArgs();
            b.isKiln();
            ContainerDir dir = new ContainerDir(tmp, "train");
            Files.createDirectories(dir.dir);
            dir.write(new ContainerState("train", 1, 1, tmp.toString(), tmp.toString(), Instant.now().toString(), Map.of("a", "b"),
                    new PodNetwork.Setup("/n", "kt0", "10.0.0.2", 24, "10.0.0.1", "02:00:00:00:00:01", 1500), List.of(), null));
            dir.read();
            Json.bytes(new Launch("/i", "sha256:" + "0".repeat(64), 1, List.of(), List.of(), null, "10.0.0.1"));
            new RuntimeLog(tmp.resolve("log.json"), "json").info("training");
            ProcStat.of((int) ProcessHandle.current().pid());
            Signals.parse("SIGTERM");
            Cgroups.relative("/a/b", false, "x");
        } finally {
            System.setOut(out);
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
