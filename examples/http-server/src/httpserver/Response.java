package httpserver;

/** What a route answers: status, content type and body (sent without a body for HEAD). */
final class Response {
    final int status;
    final String contentType;
    final byte[] body;
    final String allow; // the Allow header of a 405, else null

    Response(int status, String contentType, byte[] body, String allow) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.allow = allow;
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
