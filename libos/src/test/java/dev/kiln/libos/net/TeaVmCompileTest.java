package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;

/**
 * Keeps the promise that the stack compiles with TeaVM 0.12.3's class library: a small
 * program (two stacks joined in memory, a 1 MiB TCP transfer with 2 % loss) is compiled with
 * the stack to C by TeaVM, built with gcc, and run; its output must say the bytes arrived.
 */
class TeaVmCompileTest {
    @Test
    void stackCompilesToCWithTeaVmAndRuns() throws Exception {
        Path work = Files.createTempDirectory("kiln-teavm");
        try {
            Path classes = Path.of(TcpSocket.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // The driver program, compiled for Java 21 like the stack (TeaVM refuses newer class files).
            Path src = work.resolve("src/kilnteavm/Demo.java");
            Files.createDirectories(src.getParent());
            try (InputStream in = getClass().getResourceAsStream("/teavm/Demo.java.txt")) {
                Files.write(src, in.readAllBytes());
            }
            Path demoClasses = work.resolve("classes");
            Files.createDirectories(demoClasses);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "--release", "21", "-cp", classes.toString(), "-d", demoClasses.toString(), src.toString());
            assertEquals(0, rc, "javac of the TeaVM driver");

            TeaVMTool tool = new TeaVMTool();
            tool.setTargetType(TeaVMTargetType.C);
            tool.setMainClass("kilnteavm.Demo");
            Path out = work.resolve("c");
            tool.setTargetDirectory(out.toFile());
            tool.setObfuscated(false);
            tool.setClassLoader(new URLClassLoader(new URL[] {demoClasses.toUri().toURL(), classes.toUri().toURL()},
                    TeaVMTool.class.getClassLoader()));
            tool.generate();
            StringBuilder problems = new StringBuilder();
            tool.getProblemProvider().getSevereProblems().forEach(p ->
                    problems.append(p.getText()).append(' ').append(java.util.Arrays.toString(p.getParams()))
                            .append(" at ").append(p.getLocation()).append('\n'));
            assertEquals("", problems.toString(), "TeaVM severe problems");

            Path exe = work.resolve("demo");
            String gcc = run(List.of("gcc", "-O1", "-w", "-o", exe.toString(), out.resolve("all.c").toString(), "-lm"), 300);
            assertTrue(Files.isExecutable(exe), gcc);
            String result = run(List.of(exe.toString()), 60);
            assertTrue(result.contains("received 1048576 bytes") && result.strip().endsWith("OK"), result);
            System.out.println("[teavm] native build of the stack: " + Files.size(exe) / 1024 + " KiB; " + result.strip());
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static String run(List<String> cmd, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), cmd + ": " + out);
        return out;
    }
}
