package dev.kiln.jvm.build;

import dev.kiln.image.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The framework apps of jvm/src/test/apps/, built from Maven Central with Maven and the suite's
 * own Maven repository (the surefire property kiln.test.maven.repo), once per content: the jar is
 * cached under Kiln's cache ({@code <cache>/test-apps/<name>-<hash>/}), outside the clone, keyed by
 * a SHA-256 of the app's files and the JDK. A missing mvn or a failed build fails the test with
 * the reason and the end of Maven's log.
 */
final class TestApps {
    private TestApps() {}

    /** Builds (or finds) jvm/src/test/apps/NAME and returns its jar, target/JAR. */
    static Path jar(String name, String jarName) throws IOException, InterruptedException {
        Path src = Path.of(System.getProperty("kiln.home"), "jvm/src/test/apps", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(src.resolve("pom.xml"))) {
            throw new IOException("no test app at " + src);
        }
        String hash = hash(src);
        Path dir = KilnCache.root().resolve("test-apps").resolve(name + "-" + hash);
        Path jar = dir.resolve(jarName);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        String repo = System.getProperty("kiln.test.maven.repo");
        if (repo == null || repo.isBlank()) {
            throw new IOException("the system property kiln.test.maven.repo (the suite's Maven repository) is not set;"
                    + " run the tests through Maven");
        }
        Path mvn = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(p -> Path.of(p, "mvn"))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IOException("mvn is not on the PATH (apt-get install maven): the test builds " + name));
        Path work = Files.createTempDirectory("kiln-test-app-");
        try {
            Path copy = work.resolve(name);
            copyTree(src, copy);
            Path log = work.resolve("mvn.log");
            ProcessBuilder pb = new ProcessBuilder(mvn.toString(), "-B", "-ntp", "-q", "-Dmaven.repo.local=" + repo,
                    "package").directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().remove("MAVEN_OPTS");
            System.err.println("[test] building the test app " + name + " with Maven (" + repo + ")");
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) { // a hang guard: downloads from Maven Central on a first run
                p.destroyForcibly();
                throw new IOException("mvn package of " + name + " did not finish in 15 minutes; log: " + tail(log));
            }
            Path built = copy.resolve("target").resolve(jarName);
            if (p.exitValue() != 0 || !Files.isRegularFile(built)) {
                throw new IOException("mvn package of " + name + " failed (exit " + p.exitValue() + "):\n" + tail(log));
            }
            System.err.printf("[test] built %s in %.1f s%n", jarName, (System.nanoTime() - t0) / 1e9);
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createDirectories(dir.resolveSibling(dir.getFileName() + ".tmp" + ProcessHandle.current().pid()));
            Files.copy(built, tmp.resolve(jarName), StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                FileTrees.delete(tmp); // another run built the same content
            }
            return jar;
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    private static String hash(Path src) throws IOException {
        var d = JvmImage.digest();
        d.update(("jdk " + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path p : files(src)) {
            d.update((src.relativize(p) + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(Files.readAllBytes(p));
        }
        return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    }

    private static List<Path> files(Path src) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(Files::isRegularFile).filter(p -> !src.relativize(p).startsWith("target")).sorted().toList();
        }
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        for (Path p : files(src)) {
            Path t = dst.resolve(src.relativize(p).toString());
            Files.createDirectories(t.getParent());
            Files.copy(p, t);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
