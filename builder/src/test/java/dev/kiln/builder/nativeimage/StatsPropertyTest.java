package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln.properties' stats key: off puts KILN_STATS=off into the manifest's environment; anything but on/off is refused. */
class StatsPropertyTest {
    @TempDir
    Path dir;

    private AppInput project(String properties) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/Main.java"), "public class Main { public static void main(String[] a) {} }\n");
        Files.writeString(dir.resolve(AppInput.PROJECT_FILE), "main=Main\nenv.GREETING=hi\n" + properties);
        return AppInput.resolve(dir, null);
    }

    @Test
    void offIsAnEnvironmentEntryOfTheManifest() throws Exception {
        assertEquals(List.of("GREETING=hi", "KILN_STATS=off"), project("stats=off\n").manifest().env());
    }

    @Test
    void onAndNothingLeaveTheEnvironmentAlone() throws Exception {
        assertEquals(List.of("GREETING=hi"), project("stats=on\n").manifest().env());
        assertEquals(List.of("GREETING=hi"), project("").manifest().env());
    }

    @Test
    void anyOtherValueIsRefused() {
        NativeBuildException e = assertThrows(NativeBuildException.class, () -> project("stats=maybe\n"));
        assertTrue(e.getMessage().contains("stats must be on or off, not maybe"), e.getMessage());
    }
}
