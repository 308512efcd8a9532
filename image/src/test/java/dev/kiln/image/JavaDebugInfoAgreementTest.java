package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * guest/include/kiln/javadebug.h is the one definition of the Java debug descriptor; {@link JavaDebugInfo}
 * mirrors it. This reads the header and checks the mirror field by field, in order, and its constants.
 */
class JavaDebugInfoAgreementTest {
    private static String header() throws Exception {
        String dir = System.getProperty("kiln.guest.dir");
        if (dir == null) fail("kiln.guest.dir is not set (run the tests through Maven)");
        Path h = Path.of(dir).getParent().resolve("include/kiln/javadebug.h");
        if (!Files.isRegularFile(h)) fail("missing: " + h);
        return Files.readString(h);
    }

    private static String define(String text, String name) {
        Matcher m = Pattern.compile("#define " + name + " (\\S+)").matcher(text);
        if (!m.find()) fail("javadebug.h defines no " + name);
        return m.group(1);
    }

    private static long number(String c) {
        String v = c.replaceAll("[uUlL]+$", "");
        return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
    }

    @Test
    void theMirrorHasTheHeadersFieldsInOrder() throws Exception {
        String h = header();
        Matcher struct = Pattern.compile("struct kiln_java_debug \\{(.*?)\\};", Pattern.DOTALL).matcher(h);
        if (!struct.find()) fail("javadebug.h has no struct kiln_java_debug");
        List<String> fields = new ArrayList<>();
        Matcher f = Pattern.compile("^\\s*(\\w+)\\s+(\\w+);", Pattern.MULTILINE).matcher(struct.group(1));
        while (f.find()) {
            assertEquals("uint64_t", f.group(1), f.group(2) + ": every field is a 64-bit word");
            fields.add(f.group(2));
        }
        assertEquals(JavaDebugInfo.FIELDS, fields);
        assertEquals(JavaDebugInfo.SIZE, 8 * fields.size());
        assertEquals(JavaDebugInfo.class.getRecordComponents().length, fields.size());
        for (int i = 0; i < fields.size(); i++) {
            String camel = Pattern.compile("_(\\w)").matcher(fields.get(i)).replaceAll(r -> r.group(1).toUpperCase());
            assertEquals(camel, JavaDebugInfo.class.getRecordComponents()[i].getName(), "component " + i);
        }
    }

    @Test
    void theConstantsAgree() throws Exception {
        String h = header();
        assertEquals(JavaDebugInfo.MAGIC, number(define(h, "KILN_JAVA_DEBUG_MAGIC")));
        assertEquals(JavaDebugInfo.VERSION, number(define(h, "KILN_JAVA_DEBUG_VERSION")));
        assertEquals(JavaDebugInfo.ABSENT, number(define(h, "KILN_JAVA_DEBUG_ABSENT")));
        assertEquals(JavaDebugInfo.MAX_FRAMES, number(define(h, "KILN_JAVA_STACK_MAX_FRAMES")));
        assertEquals("\"" + JavaDebugInfo.SECTION + "\"", define(h, "KILN_JAVA_DEBUG_SECTION"));
        assertEquals("KJAVADBG", new String(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(JavaDebugInfo.MAGIC).array(), java.nio.charset.StandardCharsets.US_ASCII));
    }
}
