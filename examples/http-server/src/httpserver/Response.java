package httpserver;

/**
 * What a route answers: the status and the head's fixed fields as bytes (built once per kind of
 * response, not per request), and the body (not sent for HEAD).
 */
final class Response {
    final int status;
    final byte[] statusLine; // "HTTP/1.1 200 OK\r\n" and the fields that do not vary, each ending in CRLF
    final byte[] body;

    Response(int status, String contentType, byte[] body, String allow) {
        this.status = status;
        this.statusLine = ascii("HTTP/1.1 " + status + " " + reason(status) + "\r\nServer: kiln-http\r\nContent-Type: "
                + contentType + "\r\n" + (allow != null ? "Allow: " + allow + "\r\n" : ""));
        this.body = body;
    }

    static Response error(int status) {
        return new Response(status, "text/plain", ascii(status + " " + reason(status) + "\n"), null);
    }

    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 413: return "Content Too Large";
            case 431: return "Request Header Fields Too Large";
            case 501: return "Not Implemented";
            case 505: return "HTTP Version Not Supported";
            default: return "Error";
        }
    }

    /** The bytes of an ASCII string (every string this server sends is ASCII). */
    static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
