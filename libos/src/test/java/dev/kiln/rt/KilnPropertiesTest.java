package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kiln's Properties.load(Reader) and store agree with the JDK's on generated keys and values. */
class KilnPropertiesTest {
    private static final String ALPHABET = "ab =:#!\\\t\n\r\f\u00e9\u4e2du";

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void loadsWhatTheJdkLoads() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 20000; i++) {
            String file = text(random) + "\n" + text(random) + text(random);
            Properties jdk = new Properties();
            Properties kiln = new Properties();
            String expected;
            try {
                jdk.load(new StringReader(file));
                expected = jdk.toString();
            } catch (IllegalArgumentException e) {
                expected = e.getMessage();
            }
            String actual;
            try {
                KilnProperties.load(kiln, new StringReader(file));
                actual = kiln.toString();
            } catch (IllegalArgumentException e) {
                actual = e.getMessage();
            }
            assertEquals(expected, actual, file);
        }
    }

    @Test
    void storesWhatTheJdkLoadsBack() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            Properties p = new Properties();
            p.setProperty(text(random), text(random));
            p.setProperty(text(random), text(random));
            StringWriter w = new StringWriter();
            KilnProperties.store(p, w, text(random));
            Properties back = new Properties();
            back.load(new StringReader(w.toString()));
            assertEquals(p, back, w.toString());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            KilnProperties.store(p, bytes, text(random));
            Properties fromBytes = new Properties();
            fromBytes.load(new ByteArrayInputStream(bytes.toByteArray()));
            assertEquals(p, fromBytes, bytes.toString(StandardCharsets.ISO_8859_1));
        }
    }
}
