package dev.kiln.engine.server;

import dev.kiln.engine.api.ApiError;
import dev.kiln.engine.api.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Jetty's own refusals (a malformed request, headers or a body too large) as the API's JSON errors, not HTML. */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body(code, message), callback);
    }

    private static String body(int code, String message) {
        String text = switch (code) {
            case 413 -> "the request body is too large";
            case 431 -> "the request headers are too large";
            default -> "bad HTTP request" + (message == null || message.isEmpty() ? " (" + code + ")" : ": " + message);
        };
        try {
            return ApiJson.mapper().writeValueAsString(new ApiError(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
