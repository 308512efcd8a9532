package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jvm image's manifest: what the builder writes, the runner and the guest's init read back the same. */
class JvmManifestTest {
    static JvmManifest sample() {
        return new JvmManifest("hello-1", "com.example.Main", 512,
                List.of("a b", "c=d", "line\nbreak", "back\\slash", "ünï 😀", ""),
                List.of("A=1", "EQ=x=y", "U=ß", "EMPTY="), List.of("-Xss1m", "-Dk=v w", "-Dnl=a\nb"),
                List.of("java.base", "java.logging", "jdk.httpserver"), "0123abcd", "6.1.158-1", "25.0.1+8-LTS",
                "/app/hello.jar", List.of("future=1"));
    }

    @Test
    void everyKeyRoundTrips() {
        JvmManifest m = sample();
        assertEquals(m, JvmManifest.parse(m.text()));
        assertEquals(m, JvmManifest.parse(m.bytes()));
        JvmManifest minimal = new JvmManifest("a", "M", 64, List.of(), List.of(), List.of(), List.of(), null, null,
                null, "/app/a.jar", List.of());
        assertEquals(minimal, JvmManifest.parse(minimal.text()));
        assertTrue(m.text().startsWith("kiln_format=jvm/1\nname=hello-1\nmain=com.example.Main\nmemory_mb=512\n"),
                m.text());
    }

    @Test
    void refusesBadValuesNamingTheLine() {
        String good = sample().text();
        List<String[]> cases = List.of(
                new String[] {"name=hello-1", "name=Hello_1"}, new String[] {"memory_mb=512", "memory_mb=32"},
                new String[] {"memory_mb=512", "memory_mb=5x"}, new String[] {"main=com.example.Main", "main=a..b"},
                new String[] {"env=A=1", "env=A=\"q\""}, new String[] {"env=A=1", "env=1A=x"},
                new String[] {"kiln_format=jvm/1", "kiln_format=jvm/2"},
                new String[] {"initramfs_encoding=gzip", "initramfs_encoding=zstd"},
                new String[] {"app_jar=/app/hello.jar", "app_jar=/etc/passwd"},
                new String[] {"modules=java.base,java.logging,jdk.httpserver", "modules=java.base,,x"},
                new String[] {"name=hello-1", "name=hello-1\nname=again"});
        for (String[] c : cases) {
            String text = good.replace(c[0], c[1]);
            String m = assertThrows(ImageException.class, () -> JvmManifest.parse(text), c[1]).getMessage();
            assertTrue(m.startsWith("manifest line "), m);
        }
        for (String key : List.of("kiln_format", "name", "main", "memory_mb", "app_jar", "initramfs_encoding")) {
            String text = good.lines().filter(l -> !l.startsWith(key + "=")).reduce("", (a, l) -> a + l + "\n");
            assertEquals("manifest: no " + key + "= line",
                    assertThrows(ImageException.class, () -> JvmManifest.parse(text)).getMessage());
        }
        assertThrows(ImageException.class, () -> JvmManifest.parse(new byte[] {'a', '=', (byte) 0xc3}));
        assertEquals(sample(), JvmManifest.parse(good.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cannotHoldWhatTheReaderRefuses() {
        assertThrows(IllegalArgumentException.class, () -> new JvmManifest("UPPER", "M", 64, List.of(), List.of(),
                List.of(), List.of(), null, null, null, "/app/a.jar", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JvmManifest("a", "M", 64, List.of(), List.of("X=\"y\""),
                List.of(), List.of(), null, null, null, "/app/a.jar", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JvmManifest("a", "M", 64, List.of("\0"), List.of(),
                List.of(), List.of(), null, null, null, "/app/a.jar", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JvmManifest("a", "M", 64, List.of(), List.of(),
                List.of(), List.of(""), null, null, null, "/app/a.jar", List.of()));
    }
}
