package dev.kiln.oci.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one Jackson mapper of the module, and the few ways it is used: JSON that arrives (from a
 * registry, a bundle, a state file) is parsed with a size already bounded by the caller and
 * its fields checked by the reader; JSON that leaves is written compact, in field order.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static String write(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** Parses a JSON document; {@code what} names it in the error. */
    public static JsonNode tree(byte[] data, String what) {
        try {
            JsonNode n = MAPPER.readTree(data);
            if (n == null || n.isMissingNode()) throw new OciException(what + ": empty");
            return n;
        } catch (IOException e) {
            throw new OciException(what + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    public static <T> T read(byte[] data, Class<T> type, String what) {
        try {
            return MAPPER.readValue(data, type);
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof OciException oe ? oe : null;
            if (c != null) throw (OciException) c;
            throw new OciException(what + ": " + firstLine(e.getMessage()));
        }
    }

    /** A required text field of an object. */
    public static String text(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new OciException(what + ": no text field '" + field + "'");
        return v.asText();
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
