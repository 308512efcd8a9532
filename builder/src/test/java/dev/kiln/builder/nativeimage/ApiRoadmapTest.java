package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.builder.nativeimage.ApiRoadmap.Status;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The roadmap table is defined once (ApiRoadmap) and docs/native-images.md shows it as it is. */
class ApiRoadmapTest {
    @Test
    void theDocsShowTheTableTheBuilderUses() throws Exception {
        String page = Files.readString(NativeBuilderTest.KILN_HOME.resolve("docs/native-images.md"));
        assertTrue(page.contains(ApiRoadmap.markdownTable()),
                "docs/native-images.md must contain ApiRoadmap's table exactly as markdownTable() renders it:\n"
                        + ApiRoadmap.markdownTable());
    }

    @Test
    void membersClassesModulesThenPackagesDecide() {
        assertEquals(Status.NEVER, ApiRoadmap.classify("java.lang.Class", "forName", "java.base").status());
        assertEquals(Status.ROADMAP, ApiRoadmap.classify("java.lang.Class", "getSimpleName", "java.base").status());
        assertEquals(Status.NEVER, ApiRoadmap.classify("java.lang.management.ManagementFactory", null,
                "java.management").status());
        assertEquals("java.util.concurrent",
                ApiRoadmap.classify("java.util.concurrent.locks.StampedLock", null, "java.base").category());
        assertEquals(Status.NEVER, ApiRoadmap.classify("java.awt.Frame", null, "java.desktop").status());
        assertEquals(Status.ROADMAP, ApiRoadmap.classify("com.sun.net.httpserver.HttpServer", null, "jdk.httpserver").status());
        assertEquals(Status.NOT_PLANNED, ApiRoadmap.classify("java.sql.Connection", null, "java.sql").status());
        assertEquals(ApiRoadmap.UNLISTED, ApiRoadmap.classify("javax.crypto.Cipher", null, "java.base"));
        assertEquals(Status.NEVER, ApiRoadmap.classify("sun.misc.Unsafe", null, "jdk.unsupported").status());
    }
}
