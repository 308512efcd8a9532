package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kiln build` of a project whose three classes use AWT, JMX, JDBC and reflection: one run names
 * every one of them, grouped by class with its JDK module, each with its call sites and what Kiln's
 * roadmap says, exit status 125, no stack trace (the issue: "the build reports a few problems per
 * run: fixing those reveals the next ones, one rebuild each"). The APIs are ones Kiln will never
 * have or has not planned, so the expected report stays as the class library grows.
 */
class UnsupportedApiBuildTest {
    @TempDir
    Path dir;

    @Test
    void everyUnsupportedApiOfEveryClassInOneRunWithItsModule() throws Exception {
        Path src = Files.createDirectories(dir.resolve("app/src"));
        Files.writeString(dir.resolve("app/kiln.properties"), "main=Main\nname=unsupported\n");
        Files.writeString(src.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Screen.show(args.length > 0 ? args[0] : "title");
                        Db.query(args.length > 1 ? args[1] : "jdbc:h2:mem:");
                        Object driver = Class.forName(args[0]).getDeclaredConstructor().newInstance();
                        System.out.println(driver);
                    }
                }
                """);
        Files.writeString(src.resolve("Screen.java"), """
                class Screen {
                    static void show(String title) {
                        java.awt.Frame frame = new java.awt.Frame(title);
                        frame.setVisible(true);
                        System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                    }
                }
                """);
        Files.writeString(src.resolve("Db.java"), """
                class Db {
                    static void query(String url) throws Exception {
                        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
                            System.out.println(c.isValid(1));
                        }
                        java.sql.Connection again = java.sql.DriverManager.getConnection(url);
                        again.close();
                    }
                }
                """);
        var r = KilnProcess.run("build", dir.resolve("app").toString(), "-o", dir.resolve("app.kiln").toString());
        assertEquals(125, r.exitStatus(), r.toString());
        assertFalse(Files.exists(dir.resolve("app.kiln")), "no image is written");
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), "no stack trace:\n" + r.stderr());
        String error = r.stderr().substring(r.stderr().indexOf("kiln: error: "));
        assertEquals("""
                kiln: error: Main cannot be compiled to a native image: it uses 10 APIs that Kiln's native images do not\
                 have, in 7 classes (new java.awt.Frame(String), java.awt.Frame.setVisible(boolean),\
                 java.lang.Class.forName(String), ...); each is listed below with its call sites
                    java.awt.Frame (module java.desktop): not in Kiln's class library [never: AWT, Swing, Java 2D, sound\
                 (no display or sound device in a unikernel)]
                        new Frame(String)
                            at Screen.show(Screen.java:3)
                        setVisible(boolean)
                            at Screen.show(Screen.java:4)
                    java.lang.Class (module java.base): calls a native image cannot make [never: reflection on names not\
                 known at build time (an image holds only the code its build proves reachable)]
                        forName(String)
                            at Main.main(Main.java:5)
                        getDeclaredConstructor(Class[])
                            at Main.main(Main.java:5)
                    java.lang.management.ManagementFactory (module java.management): not in Kiln's class library [never:\
                 the JVM's management, RMI, JNDI, compiler and scripting (they manage or extend a running JVM)]
                        getRuntimeMXBean()
                            at Screen.show(Screen.java:5)
                    java.lang.management.RuntimeMXBean (module java.management): not in Kiln's class library [never: the\
                 JVM's management, RMI, JNDI, compiler and scripting (they manage or extend a running JVM)]
                        getUptime()
                            at Screen.show(Screen.java:5)
                    java.lang.reflect.Constructor (module java.base): calls a native image cannot make [never: reflection\
                 on names not known at build time (an image holds only the code its build proves reachable)]
                        newInstance(Object[])
                            at Main.main(Main.java:5)
                    java.sql.Connection (module java.sql): not in Kiln's class library [not planned: JDBC (drivers are\
                 found and loaded by reflection; the jvm flavor runs them)]
                        close()
                            at Db.query(Db.java:3)
                            at Db.query(Db.java:5)
                            at Db.query(Db.java:7)
                        isValid(int)
                            at Db.query(Db.java:4)
                    java.sql.DriverManager (module java.sql): not in Kiln's class library [not planned: JDBC (drivers are\
                 found and loaded by reflection; the jvm flavor runs them)]
                        getConnection(String)
                            at Db.query(Db.java:3)
                            at Db.query(Db.java:6)
                    (roadmap: in Kiln's roadmap: being built; never: will never be in a native image: use the jvm flavor\
                 (kiln build --flavor jvm); not planned: not in Kiln's class library and not planned yet; the jvm flavor\
                 runs it)
                """, error);
    }
}
