package dev.kiln.engine.server;

import dev.kiln.engine.EngineException;
import dev.kiln.engine.api.ApiJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * One request being answered: its path and query parameters, its JSON body, and the ways to
 * answer (one JSON value, or a stream of lines). Every parameter is untrusted: a bad one is a
 * 400 naming it.
 */
final class Exchange {
    final Request request;
    final Response response;
    private final Map<String, String> pathParams;
    private final Fields query;
    private boolean answered;

    Exchange(Request request, Response response, Map<String, String> pathParams) {
        this.request = request;
        this.response = response;
        this.pathParams = pathParams;
        this.query = Request.extractQueryParameters(request);
    }

    String path(String name) {
        return pathParams.get(name);
    }

    String param(String name) {
        return query.getValue(name);
    }

    boolean flag(String name) {
        String v = param(name);
        if (v == null) return false;
        return switch (v) {
            case "1", "true", "" -> true;
            case "0", "false" -> false;
            default -> throw EngineException.badRequest("query parameter " + name + " must be true or false, not '" + v + "'");
        };
    }

    Integer intParam(String name, int min, int max) {
        String v = param(name);
        if (v == null) return null;
        if (!v.matches("-?[0-9]{1,10}") || Long.parseLong(v) < min || Long.parseLong(v) > max) {
            throw EngineException.badRequest("query parameter " + name + " must be a number from " + min + " to " + max + ", not '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /** An RFC 3339 time (2024-05-01T10:00:00Z) or Unix seconds (decimals allowed), as Docker's API takes. */
    Instant timeParam(String name) {
        String v = param(name);
        if (v == null || v.isEmpty()) return null;
        try {
            if (v.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
                String[] parts = v.split("\\.");
                long nanos = parts.length > 1 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
                return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw EngineException.badRequest("query parameter " + name + " must be an RFC 3339 time or Unix seconds, not '" + v + "'");
        }
    }

    <T> T body(Class<T> type) throws IOException {
        ByteBuffer b;
        try {
            b = Content.Source.asByteBuffer(request);
        } catch (IOException e) {
            throw EngineException.badRequest("the request body did not arrive whole: " + e.getMessage());
        }
        if (!b.hasRemaining()) throw EngineException.badRequest("the request has no body; a JSON " + type.getSimpleName() + " is needed");
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return ApiJson.mapper().readValue(bytes, type);
    }

    /** Answers with one JSON value (or no body for 204). */
    void json(int status, Object value) throws IOException {
        answered = true;
        response.setStatus(status);
        if (value == null) {
            Content.Sink.write(response, true, ByteBuffer.allocate(0));
            return;
        }
        byte[] bytes = ApiJson.mapper().writeValueAsBytes(value);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(bytes));
    }

    /** Answers with a body of the given type (the metrics' text). */
    void bytes(int status, String contentType, byte[] body) throws IOException {
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }

    /** Starts a streamed answer (chunked): the caller writes lines and closes the stream. */
    OutputStream stream(String contentType) {
        answered = true;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        return Content.Sink.asOutputStream(response);
    }

    boolean answered() {
        return answered;
    }
}
