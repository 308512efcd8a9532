package httpserver;

/**
 * Parses a request head (request line and header fields, RFC 9112 sections 2 to 6) from bytes,
 * strictly: anything ambiguous is a 400 rather than a guess, because ambiguity between this
 * server and a proxy in front of it is how request smuggling works. Lines may end in CRLF or a
 * bare LF (RFC 9112 2.2); a bare CR elsewhere, obsolete line folding, whitespace before a colon,
 * a transfer coding (this server reads no chunked bodies), conflicting Content-Length values and
 * an HTTP/1.1 request without Host are all refused.
 */
final class RequestParser {
    private RequestParser() {}

    /**
     * Returns the length of the head starting at buf[from] (through its empty line), or -1 if
     * buf[from..to) does not yet hold a complete head.
     */
    static int headLength(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                // The previous line ended at i; an empty line is "\n\n" or "\n\r\n".
                if (i + 1 < to && buf[i + 1] == '\n') {
                    return i + 2 - from;
                }
                if (i + 2 < to && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    return i + 3 - from;
                }
            }
        }
        return -1;
    }

    /**
     * Parses the head buf[from, from+len) (as found by headLength) into r; returns 0, or the
     * status to refuse it with. (Status codes rather than exceptions: in an image every
     * try/catch costs code, and a bad request is not exceptional for a server.)
     */
    static int parse(byte[] buf, int from, int len, Request r) {
        int end = from + len;
        int lineEnd = lineEnd(buf, from, end);
        if (lineEnd < 0) {
            return 400;
        }
        int status = parseRequestLine(buf, from, lineEnd, r);
        if (status != 0) {
            return status;
        }
        r.keepAlive = r.minorVersion >= 1;
        r.closeRequested = false;
        r.contentLength = -1;
        boolean host = false;
        int pos = next(buf, lineEnd, end);
        while (true) {
            int le = lineEnd(buf, pos, end);
            if (le < 0) {
                return 400;
            }
            if (le == pos) {
                break; // the empty line
            }
            int colon = -1;
            for (int i = pos; i < le; i++) {
                if (buf[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= pos) {
                return 400; // no name, or obsolete line folding (a line starting with whitespace)
            }
            for (int i = pos; i < colon; i++) {
                if (!isTokenChar(buf[i])) {
                    return 400; // includes whitespace before the colon
                }
            }
            int vs = colon + 1;
            int ve = le;
            while (vs < ve && (buf[vs] == ' ' || buf[vs] == '\t')) {
                vs++;
            }
            while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
                ve--;
            }
            for (int i = vs; i < ve; i++) {
                int c = buf[i] & 0xff;
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    return 400; // a control character in a value
                }
            }
            if (nameIs(buf, pos, colon, "host")) {
                if (host) {
                    return 400; // more than one Host
                }
                host = true;
            } else if (nameIs(buf, pos, colon, "content-length")) {
                long n = parseLength(buf, vs, ve);
                if (n < 0 || (r.contentLength >= 0 && r.contentLength != n)) {
                    return 400; // malformed, or conflicting Content-Length fields
                }
                r.contentLength = n;
            } else if (nameIs(buf, pos, colon, "transfer-encoding")) {
                return 501; // transfer codings (chunked bodies) are not implemented
            } else if (nameIs(buf, pos, colon, "connection")) {
                connectionOptions(buf, vs, ve, r);
            }
            pos = next(buf, le, end);
        }
        if (r.closeRequested) {
            r.keepAlive = false;
        }
        if (r.minorVersion >= 1 && !host) {
            return 400; // RFC 9112 3.2: an HTTP/1.1 request must have Host
        }
        return 0;
    }

    private static int parseRequestLine(byte[] buf, int from, int to, Request r) {
        int sp1 = indexOf(buf, from, to, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(buf, sp1 + 1, to, (byte) ' ');
        if (sp1 <= from || sp2 < 0 || sp2 == sp1 + 1 || indexOf(buf, sp2 + 1, to, (byte) ' ') >= 0) {
            return 400; // not exactly "method SP target SP version"
        }
        for (int i = from; i < sp1; i++) {
            if (!isTokenChar(buf[i])) {
                return 400;
            }
        }
        if (buf[sp1 + 1] != '/') {
            return 400; // only origin-form targets are served
        }
        int pathEnd = sp2;
        for (int i = sp1 + 1; i < sp2; i++) {
            int c = buf[i] & 0xff;
            if (c <= 0x20 || c >= 0x7f) {
                return 400;
            }
            if (c == '?' && pathEnd == sp2) {
                pathEnd = i;
            }
        }
        // "HTTP/" DIGIT "." DIGIT
        if (to - sp2 - 1 != 8 || !matches(buf, sp2 + 1, "HTTP/") || !isDigit(buf[sp2 + 6]) || buf[sp2 + 7] != '.'
                || !isDigit(buf[sp2 + 8])) {
            return 400;
        }
        if (buf[sp2 + 6] != '1') {
            return 505;
        }
        r.method = known(buf, from, sp1, METHODS);
        r.path = known(buf, sp1 + 1, pathEnd, PATHS);
        r.minorVersion = buf[sp2 + 8] - '0';
        return 0;
    }

    /**
     * Content-Length: 1*DIGIT, at most 18 digits (so no overflow); a list of equal values is
     * allowed (RFC 9110 8.6). -1 if malformed.
     */
    private static long parseLength(byte[] buf, int from, int to) {
        long value = -1;
        int i = from;
        while (true) {
            long n = 0;
            int digits = 0;
            while (i < to && isDigit(buf[i])) {
                n = n * 10 + (buf[i++] - '0');
                if (++digits > 18) {
                    return -1;
                }
            }
            if (digits == 0 || (value >= 0 && value != n)) {
                return -1;
            }
            value = n;
            while (i < to && (buf[i] == ' ' || buf[i] == '\t')) {
                i++;
            }
            if (i == to) {
                return value;
            }
            if (buf[i++] != ',') {
                return -1;
            }
            while (i < to && (buf[i] == ' ' || buf[i] == '\t')) {
                i++;
            }
        }
    }

    /** Connection: a comma-separated list; "close" wins over "keep-alive" (RFC 9112 9.3, 9.6). */
    private static void connectionOptions(byte[] buf, int from, int to, Request r) {
        int i = from;
        while (i < to) {
            while (i < to && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == ',')) {
                i++;
            }
            int s = i;
            while (i < to && buf[i] != ',' && buf[i] != ' ' && buf[i] != '\t') {
                i++;
            }
            if (nameIs(buf, s, i, "close")) {
                r.closeRequested = true;
            } else if (nameIs(buf, s, i, "keep-alive")) {
                r.keepAlive = true;
            }
        }
    }

    /** The end of the line starting at from (before its CRLF or LF); -1 for a bare CR or a NUL. */
    private static int lineEnd(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i > from && buf[i - 1] == '\r' ? i - 1 : i;
            }
            if ((buf[i] == '\r' && (i + 1 >= to || buf[i + 1] != '\n')) || buf[i] == 0) {
                return -1;
            }
        }
        return to;
    }

    /** The start of the line after the one ending at lineEnd (skips CRLF or LF). */
    private static int next(byte[] buf, int lineEnd, int to) {
        int i = lineEnd;
        if (i < to && buf[i] == '\r') {
            i++;
        }
        return i + 1;
    }

    private static boolean nameIs(byte[] buf, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            int c = buf[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] buf, int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (buf[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** tchar of RFC 9110 5.6.2. */
    private static boolean isTokenChar(byte b) {
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || isDigit(b)) {
            return true;
        }
        return b > 0 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    // Common methods and the served paths are returned as these constants, so a request that
    // uses them allocates no string (less garbage, fewer collections pausing every green thread).
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE"};
    private static final String[] PATHS = {"/", "/index.html", "/api/stats"};

    /** buf[from, to) as one of the known strings if it is one, else as a new string. */
    private static String known(byte[] buf, int from, int to, String[] known) {
        for (String k : known) {
            if (k.length() == to - from && matches(buf, from, k)) {
                return k;
            }
        }
        return ascii(buf, from, to);
    }

    private static String ascii(byte[] buf, int from, int to) {
        char[] c = new char[to - from];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) (buf[from + i] & 0xff);
        }
        return new String(c);
    }
}
