package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.builder.nativeimage.UnsupportedUse.CallSite;
import dev.kiln.builder.nativeimage.UnsupportedUse.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teavm.diagnostics.Problem;
import org.teavm.diagnostics.ProblemSeverity;
import org.teavm.model.CallLocation;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;

/**
 * One build names every API the program uses that a native image does not have (TeaVM alone stopped
 * at the first of each basic block, one rebuild per problem), grouped by class with its JDK module,
 * each member with its call sites, and what Kiln's roadmap says of it. The APIs used here are ones
 * Kiln will never have or has not planned, so the expected report does not move as the class library grows.
 */
class UnsupportedApiReportTest {
    @TempDir
    static Path tmp;
    static NativeImageBuilder builder;

    @BeforeAll
    static void guestRuntime() throws Exception {
        Process make = new ProcessBuilder("make", "-s", "-C", NativeBuilderTest.KILN_HOME.resolve("guest").toString())
                .inheritIO().start();
        assertEquals(0, make.waitFor(), "make -C guest");
        builder = new NativeImageBuilder(NativeBuilderTest.KILN_HOME, tmp.resolve("cache"), System.err::println);
    }

    /** Main and two helpers; Gone is compiled against, then left out of the input (a jar the user forgot). */
    static Map<String, byte[]> program() throws Exception {
        Path src = Files.createTempDirectory(tmp, "src");
        Files.writeString(src.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        java.sql.Connection c = java.sql.DriverManager.getConnection(args[0]);
                        System.out.println(c.isClosed());
                        Screen.show(args[0]);
                        Db.query(args[0]);
                        Db.query(args[1]); Db.query(args[2]);
                        System.out.println(new Gone().name());
                    }
                }
                class Screen {
                    static void show(String title) {
                        javax.swing.JFrame f = new javax.swing.JFrame(title);
                        f.setVisible(true);
                        System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getName());
                    }
                }
                class Db {
                    static native int open(String url);
                    static void query(String url) throws Exception {
                        java.sql.Connection c = java.sql.DriverManager.getConnection(url); c.close();
                        Class<?> driver = Class.forName(url);
                        System.out.println(driver.getName() + open(url));
                    }
                    static void neverCalled() { new java.awt.Frame(); }
                }
                class Gone {
                    String name() { return "gone"; }
                }
                """);
        Map<String, byte[]> classes = new HashMap<>(AppInput.compile(src));
        classes.remove("Gone.class");
        return classes;
    }

    static final String EXPECTED = """
            Main cannot be compiled to a native image: it uses 11 APIs that Kiln's native images do not have, in 8 classes\
             (Gone.name(), new Gone(), native method Db.open(String), ...); each is listed below with its call sites
                Gone (no JDK module): neither in the input nor a JDK class: is a jar missing from the input?
                    name()
                        at Main.main(Main.java:8)
                    new Gone()
                        at Main.main(Main.java:8)
                JNI: native methods cannot be compiled into an image [never: JNI and native libraries (the image is one static program: no dynamic linker, no C libraries)]
                    Db.open(String)
                        at Db.open(Main.java)
                java.lang.Class (module java.base): calls a native image cannot make [never: reflection on names not known at build time (an image holds only the code its build proves reachable)]
                    forName(String)
                        at Db.query(Main.java:22)
                java.lang.management.ManagementFactory (module java.management): not in Kiln's class library [never: the JVM's management, RMI, JNDI, compiler and scripting (they manage or extend a running JVM)]
                    getRuntimeMXBean()
                        at Screen.show(Main.java:15)
                java.lang.management.RuntimeMXBean (module java.management): not in Kiln's class library [never: the JVM's management, RMI, JNDI, compiler and scripting (they manage or extend a running JVM)]
                    getName()
                        at Screen.show(Main.java:15)
                java.sql.Connection (module java.sql): not in Kiln's class library [not planned: JDBC (drivers are found and loaded by reflection; the jvm flavor runs them)]
                    close()
                        at Db.query(Main.java:21)
                    isClosed()
                        at Main.main(Main.java:4)
                java.sql.DriverManager (module java.sql): not in Kiln's class library [not planned: JDBC (drivers are found and loaded by reflection; the jvm flavor runs them)]
                    getConnection(String)
                        at Db.query(Main.java:21)
                        at Main.main(Main.java:3)
                javax.swing.JFrame (module java.desktop): not in Kiln's class library [never: AWT, Swing, Java 2D, sound (no display or sound device in a unikernel)]
                    new JFrame(String)
                        at Screen.show(Main.java:13)
                    setVisible(boolean)
                        at Screen.show(Main.java:14)
                (roadmap: in Kiln's roadmap: being built; never: will never be in a native image: use the jvm flavor (kiln build --flavor jvm); not planned: not in Kiln's class library and not planned yet; the jvm flavor runs it)""";

    @Test
    void everyUnsupportedApiOfEveryClassInOneBuild() throws Exception {
        NativeBuildException e = assertThrows(NativeBuildException.class,
                () -> builder.build(new AppInput(program(), "Main", AppInput.defaultManifest("unsupported"))));
        assertEquals(EXPECTED, e.getMessage());
    }

    @Test
    void callSitesAreDedupedAndCappedButNoClassOrMemberIsLost() {
        List<UnsupportedUse> uses = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            for (int twice = 0; twice < 2; twice++) {
                uses.add(new UnsupportedUse("java.sql.DriverManager", "getConnection(String)", Reason.MISSING_CLASS,
                        new CallSite("Main", "main", "Main.java", i)));
            }
        }
        uses.add(new UnsupportedUse("java.sql.Statement", "close()", Reason.MISSING_CLASS,
                new CallSite("Main", "main", "Main.java", 99)));
        List<String> lines = new UnsupportedApiReport("Main", c -> "java.sql").addAll(uses).render().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.endsWith("at Main.main(Main.java:1)")).count());
        assertEquals(UnsupportedApiReport.MAX_SITES, lines.stream().filter(l -> l.contains("at Main.main")
                && !l.endsWith(":99)")).count());
        assertTrue(lines.contains("            ... and 5 more call sites"), String.join("\n", lines));
        assertTrue(lines.contains("    java.sql.Statement (module java.sql): not in Kiln's class library [not planned:"
                + " JDBC (drivers are found and loaded by reflection; the jvm flavor runs them)]"), String.join("\n", lines));
        assertTrue(lines.getFirst().contains("uses 2 APIs that Kiln's native images do not have, in 2 classes"), lines.getFirst());
    }

    @Test
    void teavmsProblemsBecomeUsesByClassAndMember() {
        var site = new CallLocation(new MethodReference("Main", MethodDescriptor.parse("main([Ljava/lang/String;)V")),
                new TextLocation("Main.java", 4));
        var method = new MethodReference("java.lang.String", MethodDescriptor.parse("lines()Ljava/util/stream/Stream;"));
        List<UnsupportedUse> uses = UnsupportedApiReport.fromTeaVM(List.of(
                new Problem(ProblemSeverity.ERROR, site, "Method {{m0}} was not found", new Object[] {method}),
                new Problem(ProblemSeverity.ERROR, site, "Class {{c0}} was not found", new Object[] {"java.sql.Date"}),
                new Problem(ProblemSeverity.ERROR, null, "Something {{c0}} odd", new Object[] {"x.Y"})));
        CallSite at = new CallSite("Main", "main", "Main.java", 4);
        assertEquals(List.of(new UnsupportedUse("java.lang.String", "lines()", Reason.MISSING_MEMBER, at),
                new UnsupportedUse("java.sql.Date", null, Reason.MISSING_CLASS, at),
                new UnsupportedUse(null, "Something x.Y odd", Reason.OTHER, null)), uses);
    }

    @Test
    void theModuleOfAJdkClassComesFromTheBuildingJdk() {
        JdkModules modules = new JdkModules();
        assertEquals("java.desktop", modules.moduleOf("java.awt.Frame"));
        assertEquals("java.sql", modules.moduleOf("java.sql.Connection"));
        assertEquals("jdk.httpserver", modules.moduleOf("com.sun.net.httpserver.HttpServer"));
        assertEquals("java.base", modules.moduleOf("java.lang.String"));
        assertEquals(null, modules.moduleOf("java.lang.NoSuchClass"));
        assertEquals(null, modules.moduleOf("com.example.Gone"));
    }
}
