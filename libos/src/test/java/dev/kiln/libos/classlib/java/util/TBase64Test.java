package dev.kiln.libos.classlib.java.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Kiln's Base64 (native images use it instead of TeaVM's) against the JDK's, on HotSpot: every
 * encoder (basic, URL, MIME with its default and random line lengths and separators, without
 * padding) on random bytes, directly and through wrap(), and every decoder on random text made of
 * the alphabets, padding, line breaks and junk, with the JDK's exception messages.
 */
class TBase64Test {
    private static String decoded(Supplier<byte[]> s) {
        try {
            return Arrays.toString(s.get());
        } catch (IllegalArgumentException e) {
            return e.toString();
        }
    }

    @Test
    void encodersAndDecodersAreTheJdks() throws IOException {
        Random r = new Random(5);
        String junk = "ABCDEFabcdef0189+/-_=\n\r !";
        for (int k = 0; k < 5_000; k++) {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            int lineLength = r.nextInt(30) - 3;
            byte[] sep = r.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'|'};
            Base64.Encoder[] jdk = {Base64.getEncoder(), Base64.getUrlEncoder(), Base64.getMimeEncoder(), Base64.getMimeEncoder(lineLength, sep),
                Base64.getEncoder().withoutPadding(), Base64.getMimeEncoder(lineLength, sep).withoutPadding()};
            TBase64.Encoder[] kiln = {TBase64.getEncoder(), TBase64.getUrlEncoder(), TBase64.getMimeEncoder(), TBase64.getMimeEncoder(lineLength, sep),
                TBase64.getEncoder().withoutPadding(), TBase64.getMimeEncoder(lineLength, sep).withoutPadding()};
            for (int i = 0; i < jdk.length; i++) {
                assertArrayEquals(jdk[i].encode(b), kiln[i].encode(b));
                ByteArrayOutputStream viaJdk = new ByteArrayOutputStream();
                ByteArrayOutputStream viaKiln = new ByteArrayOutputStream();
                try (OutputStream w = jdk[i].wrap(viaJdk)) {
                    w.write(b);
                }
                try (OutputStream w = kiln[i].wrap(viaKiln)) {
                    for (int p = 0; p < b.length;) {
                        int n = Math.min(b.length - p, r.nextInt(5));
                        w.write(b, p, n);
                        p += n;
                    }
                }
                assertArrayEquals(viaJdk.toByteArray(), viaKiln.toByteArray());
            }
            StringBuilder text = new StringBuilder();
            if (k % 3 == 0) {
                text.append(Base64.getMimeEncoder().encodeToString(b));
                if (r.nextBoolean() && !text.isEmpty()) {
                    text.setCharAt(r.nextInt(text.length()), junk.charAt(r.nextInt(junk.length())));
                }
            } else {
                for (int i = r.nextInt(14); i > 0; i--) {
                    text.append(junk.charAt(r.nextInt(junk.length())));
                }
            }
            byte[] in = text.toString().getBytes();
            Base64.Decoder[] jd = {Base64.getDecoder(), Base64.getUrlDecoder(), Base64.getMimeDecoder()};
            TBase64.Decoder[] kd = {TBase64.getDecoder(), TBase64.getUrlDecoder(), TBase64.getMimeDecoder()};
            for (int i = 0; i < jd.length; i++) {
                int d = i;
                assertEquals(decoded(() -> jd[d].decode(in)), decoded(() -> kd[d].decode(in)), text.toString());
            }
        }
    }

    @Test
    void badLineSeparatorsAreRefusedAsTheJdkRefusesThem() {
        IllegalArgumentException jdk = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Base64.getMimeEncoder(4, new byte[] {'A'}));
        IllegalArgumentException kiln = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TBase64.getMimeEncoder(4, new byte[] {'A'}));
        assertEquals(jdk.getMessage(), kiln.getMessage());
    }
}
