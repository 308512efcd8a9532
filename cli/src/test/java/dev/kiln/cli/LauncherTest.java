package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ./kiln launcher's start path (scripts/launch.sh): the remembered JDK and the AOT caches.
 * Each test runs the real launcher in a {@link LauncherHome} of its own. What is judged is what a
 * user sees (stdout, stderr, status) and what is left in .kiln; never a duration.
 */
class LauncherTest {
    private static final String HELLO = "Hello from a Kiln unikernel!\n";
    private Path home;

    @BeforeEach
    void makeHome() throws Exception {
        home = LauncherHome.create();
    }

    @AfterEach
    void removeHome() throws IOException {
        LauncherHome.delete(home);
    }

    @Test
    void theFirstRunMakesTheCacheSilentlyAndTheNextLoadsTheCliFromIt() throws Exception {
        var first = kiln("run", hello());
        assertEquals(0, first.status(), first.toString());
        assertEquals(HELLO, first.stdout(), first.toString());
        assertEquals("", first.stderr(), first.toString());
        assertTrue(Files.size(cache()) > 0, "no AOT cache made: " + cache());

        var second = kilnLoggingClassLoads("run", hello());
        assertEquals(0, second.status(), second.toString());
        assertTrue(second.stdout().contains("dev.kiln.cli.RunCommand source: shared objects file"),
                "the CLI's classes did not come from the AOT cache:\n" + second);
        assertTrue(second.stdout().contains("dev.kiln.vmm.Vm source: shared objects file"),
                "the monitor's classes did not come from the AOT cache:\n" + second);
    }

    @Test
    void aRebuiltJarMakesTheCacheBeRemade() throws Exception {
        assertEquals(0, kiln("run", hello()).status());
        FileTime made = Files.getLastModifiedTime(cache());
        // A rebuild writes the jar anew, so later than the cache. Should a coarse file-system clock
        // give both one time, the jar gets a millisecond more: still in the past, never in the future
        // (a jar from the future would stay newer than every cache made before that time).
        Path jar = home.resolve("cli/target/kiln-cli.jar");
        Files.copy(Path.of(System.getProperty("kiln.home")).resolve("cli/target/kiln-cli.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        if (Files.getLastModifiedTime(jar).compareTo(made) <= 0) Files.setLastModifiedTime(jar, FileTime.fromMillis(made.toMillis() + 1));

        var r = kiln("run", hello());
        assertEquals(0, r.status(), r.toString());
        assertEquals(HELLO, r.stdout(), r.toString());
        assertEquals("", r.stderr(), r.toString());
        assertTrue(Files.getLastModifiedTime(cache()).compareTo(Files.getLastModifiedTime(jar)) > 0, "the cache was not remade");
        var after = kilnLoggingClassLoads("run", hello());
        assertTrue(after.stdout().contains("dev.kiln.cli.RunCommand source: shared objects file"), "the remade cache is not used:\n" + after);
    }

    @Test
    void aCorruptCacheIsIgnoredWithoutAWord() throws Exception {
        assertEquals(0, kiln("run", hello()).status());
        Files.write(cache(), "not an AOT cache".repeat(1000).getBytes(StandardCharsets.US_ASCII));

        var r = kiln("run", hello());
        assertEquals(0, r.status(), r.toString());
        assertEquals(HELLO, r.stdout(), r.toString());
        assertEquals("", r.stderr(), r.toString());
    }

    @Test
    void aMissingCacheIsMadeAgain() throws Exception {
        assertEquals(0, kiln("run", hello()).status());
        Files.delete(cache());

        var r = kiln("run", hello());
        assertEquals(0, r.status(), r.toString());
        assertEquals(HELLO, r.stdout(), r.toString());
        assertEquals("", r.stderr(), r.toString());
        assertTrue(Files.size(cache()) > 0, "the cache was not made again");
    }

    @Test
    void theDaemonClientHasACacheOfItsOwn() throws Exception {
        // No daemon answers at this socket, so `kiln ps` fails; its start path is still the client's.
        var r = kiln(Map.of("KILN_HOST", "unix://" + home.resolve("no-daemon.sock")), "ps");
        assertTrue(r.status() != 0, r.toString());
        assertTrue(r.stderr().contains("cannot reach the kiln daemon"), r.toString());
        assertTrue(Files.size(home.resolve(".kiln/kiln-client.aot")) > 0, "no AOT cache made for the client's path");
        assertTrue(Files.notExists(cache()), "kiln ps made the cache of kiln run");
    }

    @Test
    void aRememberedJdkThatIsGoneIsLookedForAgainAndSaidSo() throws Exception {
        Path javaHome = home.resolve(".kiln/java-home");
        Files.writeString(javaHome, "/nonexistent/jdk-25\n");

        var r = kiln("run", hello());
        assertEquals(0, r.status(), r.toString());
        assertEquals(HELLO, r.stdout(), r.toString());
        assertTrue(r.stderr().contains("the JDK remembered in " + javaHome + " (/nonexistent/jdk-25) is gone; looking for a JDK 25 again"),
                r.toString());
        String found = Files.readString(javaHome).strip();
        assertTrue(Files.isExecutable(Path.of(found, "bin", "java")), "remembered now: " + found);
    }

    private Path cache() {
        return home.resolve(".kiln/kiln-run.aot");
    }

    private static String hello() {
        return KilnProcess.guest("tests/hello.elf").toString();
    }

    record Result(int status, String stdout, String stderr) {}

    private Result kiln(String... args) throws Exception {
        return kiln(Map.of(), args);
    }

    /** With the JVM's class-load log on stdout (JDK_JAVA_OPTIONS; the JVM notes that on stderr). */
    private Result kilnLoggingClassLoads(String... args) throws Exception {
        return kiln(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:stdout"), args);
    }

    private Result kiln(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("kiln").toString()));
        cmd.addAll(List.of(args));
        return run(env, cmd);
    }

    static Result run(Map<String, String> env, List<String> cmd) throws Exception {
        Path out = Files.createTempFile("launcher-out", ".txt");
        Path err = Files.createTempFile("launcher-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().putAll(env);
            Process p = pb.start();
            // A hang guard, not a deadline: a training run on a loaded 2-core machine takes tens of seconds.
            if (!p.waitFor(KilnProcess.HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish in " + KilnProcess.HANG_GUARD_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
