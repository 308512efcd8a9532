package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Kiln home of a test's own for the real ./kiln launcher: the launcher, its scripts and copies
 * of the built jars (so that a test can rebuild a jar, or the launcher make its AOT caches,
 * without touching the checkout's), the guests through a link. Its build stamp and source hash
 * say "built", as after a first ./kiln, so the launcher never runs Maven from a test.
 */
final class LauncherHome {
    private LauncherHome() {}

    static Path create() throws Exception {
        Path checkout = Path.of(System.getProperty("kiln.home")).toAbsolutePath().normalize();
        Path jar = checkout.resolve("cli/target/kiln-cli.jar");
        if (!Files.isRegularFile(jar)) throw new AssertionError(jar + " is missing: build with mvn install (-DskipTests) first");
        Path home = Files.createTempDirectory("kiln-launcher-home");
        Files.copy(checkout.resolve("kiln"), home.resolve("kiln"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("scripts"));
        for (String s : List.of("launch.sh", "bootstrap.sh")) Files.copy(checkout.resolve("scripts").resolve(s), home.resolve("scripts").resolve(s));
        Files.createDirectories(home.resolve("cli/target/lib"));
        Files.copy(jar, home.resolve("cli/target/kiln-cli.jar"));
        try (Stream<Path> libs = Files.list(checkout.resolve("cli/target/lib"))) {
            for (Path lib : libs.toList()) Files.copy(lib, home.resolve("cli/target/lib").resolve(lib.getFileName()));
        }
        Files.createSymbolicLink(home.resolve("guest"), checkout.resolve("guest"));
        Path state = Files.createDirectories(home.resolve(".kiln"));
        Files.writeString(state.resolve("java-home"), System.getProperty("java.home") + "\n");
        // The bootstrap's content hash of this home's sources (none), so that a bootstrap finds nothing to build.
        var hash = LauncherTest.run(Map.of(), List.of("bash", "-c",
                "KILN_HOME=" + home + "; . " + home.resolve("scripts/bootstrap.sh") + "; kiln_java_sources_hash"));
        if (hash.status() != 0) throw new AssertionError("the bootstrap's source hash failed: " + hash);
        Files.writeString(state.resolve("jars.hash"), hash.stdout());
        Files.writeString(state.resolve("built"), "");
        return home;
    }

    static void delete(Path home) throws IOException {
        if (home == null) return;
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
