package dev.kiln.jvm.build;

import dev.kiln.image.JvmManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image format, the cpio writer, the ELF reader and the builder's input checks: no VM needed. */
class JvmImageFormatTest {
    @TempDir
    Path dir;

    Path sample() throws IOException {
        Path kernel = Files.write(dir.resolve("k"), "not really a kernel".getBytes());
        byte[] cpio = Cpio.build(w -> {
            w.directory("etc", 0755);
            w.file("etc/hosts", 0644, "127.0.0.1 localhost\n".getBytes());
        });
        Path initramfs = dir.resolve("i.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(initramfs))) {
            o.write(cpio);
        }
        JvmManifest m = new JvmManifest("t", "M", 256, List.of("a b\\c\nd"), List.of(), List.of(), List.of(), null,
                null, null, "/app/t.jar", List.of());
        Path img = dir.resolve("t.kiln");
        JvmImage.write(img, m, kernel, initramfs);
        return img;
    }

    @Test
    void roundTrip() throws IOException {
        Path img = sample();
        assertTrue(JvmImage.hasMagic(img));
        JvmImage i = JvmImage.read(img);
        assertEquals(List.of("a b\\c\nd"), i.manifest().args());
        Path out = Files.createDirectory(dir.resolve("x"));
        Path[] files = i.extract(out);
        assertEquals("not really a kernel", Files.readString(files[0]));
        List<Cpio.Entry> entries = Cpio.read(Files.newInputStream(files[1]));
        assertEquals(List.of("etc", "etc/hosts"), entries.stream().map(Cpio.Entry::name).toList());
        assertArrayEquals("127.0.0.1 localhost\n".getBytes(), entries.get(1).data());
    }

    @Test
    void rejectsBadMagicTruncationOutOfBoundsAndHashMismatch() throws IOException {
        Path img = sample();
        byte[] good = Files.readAllBytes(img);

        byte[] elf = good.clone();
        elf[0] = 0x7f; elf[1] = 'E'; elf[2] = 'L'; elf[3] = 'F';
        assertMessage(elf, "bad magic");
        assertFalse(JvmImage.hasMagic(Files.write(dir.resolve("elf"), elf)));

        assertMessage(java.util.Arrays.copyOf(good, 100), "truncated header");
        assertMessage(java.util.Arrays.copyOf(good, good.length - 10), "beyond the file");

        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(64 + 8, Long.MAX_VALUE);
        assertMessage(huge, "beyond the file");

        byte[] flipped = good.clone();
        long kOff = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong(64);
        flipped[(int) kOff] ^= 1;
        assertMessage(flipped, "kernel SHA-256 mismatch");

        byte[] manifest = good.clone();
        manifest[JvmImage.HEADER_LENGTH] ^= 1;
        assertMessage(manifest, "manifest SHA-256 mismatch");

        assertThrows(IOException.class, () -> JvmImage.read(dir.resolve("absent")));
    }

    void assertMessage(byte[] bytes, String expected) throws IOException {
        Path f = Files.write(dir.resolve("bad.kiln"), bytes);
        IOException e = assertThrows(JvmImage.InvalidImageException.class, () -> JvmImage.read(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void builderRejectsBadInputClearly() throws IOException {
        JvmImageBuilder b = new JvmImageBuilder(dir.resolve("cache"), System.err);
        IOException missing = assertThrows(IOException.class, () -> b.build(request(dir.resolve("nope.jar"), null)));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

        Path text = Files.writeString(dir.resolve("text.jar"), "hello");
        IOException notJar = assertThrows(IOException.class, () -> b.build(request(text, null)));
        assertTrue(notJar.getMessage().contains("not a jar"), notJar.getMessage());

        Path noMain = JarMaker.make(dir.resolve("nomain.jar"), null, Map.of("A.java", "public class A {}"));
        IOException nm = assertThrows(IOException.class, () -> b.build(request(noMain, null)));
        assertTrue(nm.getMessage().contains("no Main-Class") && nm.getMessage().contains("--main"), nm.getMessage());

        IOException wrong = assertThrows(IOException.class, () -> b.build(request(noMain, "B")));
        assertTrue(wrong.getMessage().contains("main class B is not in the jar"), wrong.getMessage());
    }

    JvmImageBuilder.Request request(Path jar, String main) {
        return new JvmImageBuilder.Request(jar, main, null, 256, List.of(), Map.of(), Set.of(), List.of(), dir.resolve("o.kiln"));
    }

    @Test
    void elfReaderAndResolverFindTheJdksLibraries() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        ElfDynamic jvm = ElfDynamic.read(home.resolve("lib/server/libjvm.so"));
        assertTrue(jvm.needed().contains("libc.so.6"), jvm.needed().toString());
        ElfDynamic java = ElfDynamic.read(home.resolve("bin/java"));
        assertEquals("/lib64/ld-linux-x86-64.so.2", java.interpreter().orElseThrow());
        assertTrue(java.needed().contains("libjli.so"));
        Path runtime = new JdkRuntime(KilnCache.root(), System.err).ensure(Set.of("java.base"));
        Map<String, Path> libs = new SharedLibResolver().resolve(runtime);
        assertTrue(libs.containsKey("/lib/x86_64-linux-gnu/libc.so.6"), libs.toString());
        assertTrue(libs.containsKey("/lib64/ld-linux-x86-64.so.2"), libs.toString());
        assertFalse(libs.keySet().stream().anyMatch(k -> k.endsWith("/libjvm.so")), "libjvm comes from the runtime");
        IOException e = assertThrows(IOException.class, () -> ElfDynamic.read(Files.writeString(dir.resolve("x"), "text")));
        assertTrue(e.getMessage().contains("not an ELF"));
    }

    @Test
    void cpioRejectsGarbage() {
        assertThrows(IOException.class, () -> Cpio.read(new ByteArrayInputStream(new byte[200])));
    }
}
