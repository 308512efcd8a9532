package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 1: every build writes IMAGE stripped and IMAGE.debug linked to it; `kiln inspect`
 * reports the debug file, crash reports take their symbols from it, and `kiln build -g` puts Java
 * lines in the DWARF and the sources beside the image, as Debian's gdb (the real one) reads them.
 */
class DebugInfoAsideTest {
    @TempDir Path dir;

    @Test
    void theHttpExamplesImageIsStrippedWithItsDebugFileBeside() throws Exception {
        Path image = ServiceImages.image("examples/http-server");
        Path debug = image.resolveSibling(image.getFileName() + ".debug");
        assertTrue(Files.isRegularFile(debug), "kiln build wrote no " + debug);
        String imageLine = "image: " + image + " (" + Files.size(image) + " bytes, stripped)";
        String debugLine = "debug: " + debug + " (" + Files.size(debug) + " bytes)";
        var r = KilnProcess.run("inspect", image.toString());
        assertEquals(0, r.exitStatus(), r.toString());
        assertTrue(r.stdout().lines().anyMatch(imageLine::equals), imageLine + " in\n" + r);
        assertTrue(r.stdout().lines().anyMatch(debugLine::equals), debugLine + " in\n" + r);
        assertTrue(r.stdout().lines().anyMatch(l -> l.equals("java stacks: yes (.kiln.java)")), r.toString());
        System.out.println("[debug] http-server image " + Files.size(image) / 1024 + " KiB stripped, debug file "
                + Files.size(debug) / 1024 + " KiB");

        Files.delete(debug);
        var without = KilnProcess.run("inspect", image.toString());
        assertEquals(0, without.exitStatus(), without.toString());
        assertTrue(without.stdout().contains("debug: none (its debug file " + debug.getFileName() + " is not beside it)"),
                without.toString());
    }

    @Test
    void aCrashReportOfAStrippedImageNamesTheFunctionFromTheDebugFile() throws Exception {
        Path image = dir.resolve("crash.kiln");
        Files.copy(KilnProcess.guest("tests/nullderef.elf"), image);
        Path debug = dir.resolve("crash.kiln.debug");
        tool("objcopy", "--only-keep-debug", image.toString(), debug.toString());
        tool("objcopy", "--strip-all", "--add-gnu-debuglink=" + debug, image.toString());
        var r = KilnProcess.run("run", image.toString());
        assertEquals(139, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("read_through_null"), r.toString());

        Files.delete(debug);
        var bare = KilnProcess.run("run", image.toString());
        assertEquals(139, bare.exitStatus(), bare.toString());
        assertTrue(!bare.stderr().contains("read_through_null") && bare.stderr().contains("null pointer dereference"),
                bare.toString());
    }

    @Test
    void buildGPutsJavaLinesInTheDwarfAndTheSourcesBeside() throws Exception {
        Path image = dir.resolve("http.kiln");
        Path example = Path.of(System.getProperty("kiln.home")).resolve("examples/http-server");
        var b = KilnProcess.run("build", "-g", example.toString(), "-o", image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        Path src = dir.resolve("http.kiln.src");
        assertTrue(Files.isRegularFile(src.resolve("httpserver/HttpServer.java")), b.toString());
        assertTrue(Files.isRegularFile(src.resolve("dev/kiln/rt/KilnStacks.java")), "libos' sources too: " + b);
        assertTrue(b.stderr().contains("sources in " + src), b.toString());

        // the line of `stats.connectionOpened();` in HttpServer.main, found by gdb through the debuglink
        List<String> lines = Files.readAllLines(example.resolve("src/httpserver/HttpServer.java"));
        int line = lines.indexOf("            stats.connectionOpened();") + 1;
        assertTrue(line > 0, "the example changed: no `stats.connectionOpened();` in HttpServer.java");
        String out = tool("gdb", "-batch", "-nx", "-ex", "directory " + src, "-ex", "info line HttpServer.java:" + line,
                "-ex", "list HttpServer.java:" + line + "," + line, image.toString());
        assertTrue(out.contains("Line " + line + " of \"httpserver/HttpServer.java\" starts at address")
                && out.contains("HttpServer_main"), out);
        assertTrue(out.contains(line + "\t            stats.connectionOpened();"), out);

        // the guest runtime's C where its DWARF names it: an idle VM stops in runtime/hypercall.c
        assertTrue(Files.isRegularFile(src.resolve("runtime/hypercall.c")) && Files.isRegularFile(src.resolve("fiber.c"))
                && Files.isRegularFile(src.resolve("libc/malloc.c")), "the guest runtime's C sources too: " + b);
        String c = tool("gdb", "-batch", "-nx", "-ex", "directory " + src, "-ex", "list kiln__yield_raw", image.toString());
        assertTrue(c.contains("uint64_t kiln__yield_raw(uint64_t timeout_ns) {"), c);

        var again = KilnProcess.run("build", example.toString(), "-o", dir.resolve("plain.kiln").toString());
        assertEquals(0, again.exitStatus(), again.toString());
        assertTrue(!Files.exists(dir.resolve("plain.kiln.src")), "sources only with -g");
        String plain = toolFailing("gdb", "-batch", "-nx", "-ex", "info line HttpServer.java:" + line,
                dir.resolve("plain.kiln").toString());
        assertTrue(plain.contains("No source file named HttpServer.java"), plain);
    }

    @Test
    void sourcesWithoutGIsAClearError() throws Exception {
        var r = KilnProcess.run("build", "--sources", dir.toString(), dir.toString());
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: --sources is for debug builds: add -g\n", r.stderr(), r.toString());
    }

    /** Runs a tool of the machine (binutils, Debian's gdb): its output; a missing tool fails naming it. */
    private String tool(String... cmd) throws Exception {
        return tool(0, cmd);
    }

    /** A tool run that must end in an error (gdb -batch exits 1 when a command fails): its output. */
    private String toolFailing(String... cmd) throws Exception {
        return tool(1, cmd);
    }

    private String tool(int status, String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("missing: " + cmd[0] + " (apt-get install " + (cmd[0].equals("gdb") ? "gdb" : "binutils")
                    + ")", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(status, p.waitFor(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }
}
