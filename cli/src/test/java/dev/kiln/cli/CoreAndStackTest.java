package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 4 and 5 against real VMs and Debian's gdb: a Java image built without stack
 * checks (KILN_DEBUG_NO_STACK_CHECKS) that overflows its stack crashes under kiln run --core and under the daemon, and gdb opens each core at the
 * faulting Java line (its C backtrace through the DWARF of kiln build -g, and Kiln's
 * kiln-java-bt through the Java debug descriptor); kiln stack NAME names the methods two green
 * threads are blocked in, with file and line, and kiln dump NAME writes a core of the running VM
 * that gdb reads the same stacks from. The test app is cli/src/test/apps/crashstack. Every wait
 * is for an event (a console line, the VM's exit).
 */
class CoreAndStackTest {
    @TempDir static Path dir;
    static Path image;
    static List<String> source;

    @BeforeAll
    static void build() throws Exception {
        Tools.require("gdb");
        image = dir.resolve("crashstack.kiln");
        Path app = Path.of(System.getProperty("kiln.home")).resolve("cli/src/test/apps/crashstack");
        // Without the stack checks (a debugging switch of the build): a Java recursion then runs into
        // the guard page, the one way left for Java code to crash an image; with them (the default)
        // it throws StackOverflowError, which NativeConformanceTest's stack/ programs show.
        var b = KilnProcess.run(java.util.Map.of("KILN_DEBUG_NO_STACK_CHECKS", "1"), "build", "-g", app.toString(), "-o",
                image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        source = Files.readAllLines(app.resolve("src/crashstack/CrashStack.java"));
    }

    /** The line number of a line of CrashStack.java, found by its text. */
    static int line(String text) {
        int i = source.indexOf(text);
        assertTrue(i >= 0, "the test app changed: no `" + text.strip() + "` in CrashStack.java");
        return i + 1;
    }

    /** descend()'s two lines: the fault comes in its frame's first push (line of `mine`) or in the call. */
    static String descendLines() {
        return "(" + line("        int[] mine = {depth + trail[0]};") + "|" + line("        int below = descend(depth + 1, mine);")
                + ")";
    }

    static String gdb(Path core, String... commands) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("gdb", "-batch", "-nx"));
        for (String c : commands) cmd.addAll(List.of("-ex", c));
        cmd.add(image.resolveSibling(image.getFileName() + ".debug").toString());
        cmd.add(core.toString());
        Tools.Result r = Tools.run(120, cmd);
        assertEquals(0, r.status(), r.output());
        return r.output();
    }

    @Test
    void aCrashUnderKilnRunWritesACoreThatGdbOpensAtTheFaultingJavaLine() throws Exception {
        Path core = dir.resolve("run.core");
        var r = KilnProcess.run("run", "--core", core.toString(), image.toString(), "--", "overflow");
        assertEquals(139, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("stack overflow (CR2 in the stack guard page)"), r.toString());
        assertTrue(r.stderr().matches("(?s).*kiln: Java stacks at the crash:\n\"main\" \\(running\\)\n"
                + "    at crashstack\\.CrashStack\\.descend\\(CrashStack\\.java:" + descendLines() + "\\)\n.*"), r.toString());
        assertTrue(r.stderr().contains("kiln: core file " + core + " ("), r.toString());

        String bt = gdb(core, "bt 2");
        System.out.println("[core] gdb " + image.getFileName() + ".debug " + core.getFileName() + " -ex 'bt 2':\n" + bt);
        assertTrue(bt.contains("Program terminated with signal SIGSEGV, Segmentation fault."), bt);
        assertTrue(bt.matches("(?s).*#0  0x[0-9a-f]+ in meth_c_CrashStack_descend \\(.*\\) at crashstack/CrashStack\\.java:"
                + descendLines() + "\n.*"), bt);

        var java = KilnProcess.run("debug", image.toString(), "--core", core.toString(), "--batch", "-ex", "kiln-java-bt 3");
        assertEquals(0, java.exitStatus(), java.toString());
        assertTrue(java.stdout().matches("(?s).*    at crashstack\\.CrashStack\\.descend\\(CrashStack\\.java:" + descendLines()
                + "\\)\n.*"), java.toString());

        Path small = dir.resolve("small.core");
        var limited = KilnProcess.run("run", "--core", small.toString(), "--core-limit", "64K", image.toString(), "--", "overflow");
        assertEquals(139, limited.exitStatus(), limited.toString());
        assertTrue(limited.stderr().matches("(?s).*kiln: core file not written: it would be \\d+ KiB, above the limit of 64 KiB\n.*"),
                limited.toString());
        assertFalse(Files.exists(small), "no core above the limit");
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial core left behind");
        }
    }

    @Test
    void kilnStackNamesTheMethodsGreenThreadsWaitInAndKilnDumpWritesACoreOfTheRunningVm() throws Exception {
        try (DaemonProcess d = new DaemonProcess().start()) {
            KilnProcess run = d.kiln("run", "-d", "--name", "waits", image.toString(), "--", "threads");
            assertEquals(0, run.exitStatus(), run.toString());
            d.awaitOutput("sleeper blocking", "logs", "-f", "waits");
            d.awaitOutput("waiter blocking", "logs", "-f", "waits");

            KilnProcess stack = d.kiln("stack", "waits");
            assertEquals(0, stack.exitStatus(), stack.toString());
            System.out.println("[stack] kiln stack waits:\n" + stack.stdout());
            String out = stack.stdout();
            assertTrue(out.startsWith("\"event loop\" (running)\n    at dev.kiln.libos.teavm.EventLoop."), out);
            assertThread(out, "sleeper", "crashstack.CrashStack.sleeper(CrashStack.java:" + line("            Thread.sleep(3_600_000L);") + ")");
            assertThread(out, "waiter", "crashstack.CrashStack.waiter(CrashStack.java:" + line("                LOCK.wait();") + ")");
            assertThread(out, "main", "crashstack.CrashStack.main(CrashStack.java:" + line("            a.join();") + ")");

            KilnProcess dump = d.kiln("dump", "waits");
            assertEquals(0, dump.exitStatus(), dump.toString());
            Path core = Path.of(dump.stdout().strip());
            assertTrue(core.startsWith(d.stateDir) && core.getFileName().toString().equals("core") && Files.isRegularFile(core),
                    "the core is in the VM's state directory: " + dump);
            var threads = KilnProcess.run("debug", image.toString(), "--core", core.toString(), "--batch", "-ex", "kiln-java-threads");
            assertEquals(0, threads.exitStatus(), threads.toString());
            assertThread(threads.stdout(), "sleeper", "crashstack.CrashStack.sleeper(CrashStack.java:"
                    + line("            Thread.sleep(3_600_000L);") + ")");

            // the guest ran on after both reads: it still answers a stack, and runs
            KilnProcess again = d.kiln("stack", "waits");
            assertEquals(0, again.exitStatus(), again.toString());
            assertEquals(out.lines().filter(l -> l.startsWith("\"")).toList(), again.stdout().lines().filter(l -> l.startsWith("\"")).toList());
            KilnProcess ps = d.kiln("ps");
            assertTrue(ps.stdout().lines().anyMatch(l -> l.contains("waits") && l.contains("Up")), ps.toString());
            assertTrue(d.kiln("logs", "waits").stderr().contains("kiln: core file " + core + " written ("), "the dump is in the VM's log");

            // a VM the daemon runs that crashes leaves its core in its state directory
            KilnProcess boom = d.kiln("run", "-d", "--name", "boom", image.toString(), "--", "overflow");
            assertEquals(0, boom.exitStatus(), boom.toString());
            KilnProcess waited = d.kiln("wait", "boom");
            assertEquals("139\n", waited.stdout(), waited.toString());
            String log = d.kiln("logs", "boom").stderr();
            Matcher m = Pattern.compile("kiln: core file (\\S+/core) \\(\\d+ KiB\\)").matcher(log);
            assertTrue(m.find(), "the crash's core is named in the VM's log:\n" + log);
            Path crashCore = Path.of(m.group(1));
            assertTrue(crashCore.startsWith(d.stateDir), crashCore.toString());
            String bt = gdb(crashCore, "bt 1");
            assertTrue(bt.matches("(?s).*in meth_c_CrashStack_descend \\(.*\\) at crashstack/CrashStack\\.java:" + descendLines()
                    + "\n.*"), bt);

            KilnProcess notRunning = d.kiln("stack", "boom");
            assertEquals(1, notRunning.exitStatus(), notRunning.toString());
            assertEquals("kiln: error: VM boom is not running\n", notRunning.stderr(), notRunning.toString());
        }
    }

    /** The block of thread NAME in a thread dump has FRAME among its frames. */
    static void assertThread(String dump, String name, String frame) {
        int at = dump.indexOf("\"" + name + "\" (waiting)\n");
        assertTrue(at >= 0, "no waiting thread " + name + " in:\n" + dump);
        int end = dump.indexOf("\n\"", at + 1);
        String block = dump.substring(at, end < 0 ? dump.length() : end);
        assertTrue(block.contains("    at " + frame + "\n"), "thread " + name + " has no frame " + frame + ":\n" + block);
    }
}
