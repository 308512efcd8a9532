package httpserver;

/** A request the server refuses: the status to answer with; the connection is closed after it. */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String why) {
        super(why);
        this.status = status;
    }
}
