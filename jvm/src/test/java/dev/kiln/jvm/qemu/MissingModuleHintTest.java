package dev.kiln.jvm.qemu;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The line Kiln adds when the guest's console shows a JDK class the image's runtime lacks. */
class MissingModuleHintTest {
    @Test
    void namesTheModuleOfAMissingJdkClassOnceAndOnlyIfTheImageLacksIt() {
        MissingModuleHint h = new MissingModuleHint(List.of("java.base", "java.logging"), System.err);
        assertEquals("kiln: the app needs java.beans.PropertyEditorSupport, in the JDK module java.desktop,"
                + " which this image lacks: build it with --add-modules java.desktop",
                h.hintFor("Caused by: java.lang.NoClassDefFoundError: java/beans/PropertyEditorSupport"));
        assertNull(h.hintFor("java.lang.ClassNotFoundException: java.beans.Introspector"), "java.desktop was named already");
        assertEquals("kiln: the app needs javax.management.MBeanServer, in the JDK module java.management,"
                + " which this image lacks: build it with --add-modules java.management",
                h.hintFor("\tat x.y(Z.java:1) ClassNotFoundException javax.management.MBeanServer\r"));
        assertNull(h.hintFor("java.lang.NoClassDefFoundError: java/util/logging/Logger"), "the image has java.logging");
        assertNull(h.hintFor("java.lang.NoClassDefFoundError: com/example/Missing"), "an app class is the app's business");
        assertNull(h.hintFor("java.lang.ClassNotFoundException: java.lang.Nope"), "java.base is in every image");
        assertNull(h.hintFor("a line that says NoClassDefFoundError and nothing more"));
    }

    @Test
    void readsTheConsoleByLinesAndPrintsTheHintOnItsOwnStream() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MissingModuleHint h = new MissingModuleHint(List.of("java.base"), new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] console = "starting\r\nException in thread \"main\" java.lang.NoClassDefFoundError: java/sql/Ti"
                .getBytes(StandardCharsets.US_ASCII);
        h.accept(console, 0, console.length);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no hint before the line ends");
        byte[] rest = "mestamp\r\n".getBytes(StandardCharsets.US_ASCII);
        h.accept(rest, 0, rest.length);
        assertEquals("kiln: the app needs java.sql.Timestamp, in the JDK module java.sql, which this image lacks:"
                + " build it with --add-modules java.sql\n", err.toString(StandardCharsets.UTF_8));
    }
}
