package dev.kiln.vmm.javastack;

/**
 * One Java method at one position, as TeaVM's call-site table names it. The names are the
 * guest's text, unfiltered: whoever shows them makes them printable.
 *
 * @param className the class, dotted ("httpserver.Routes"), or "?" where the guest names none
 * @param methodName the method ("handle", "<init>"), or "?" where the guest names none
 * @param fileName the source file, or null where TeaVM has none
 * @param line the line of the call, or -1
 */
public record JavaFrame(String className, String methodName, String fileName, int line) {
    /** A call site that makes no sense (outside the table, or leading outside guest memory), where a frame must stand. */
    public static final JavaFrame UNKNOWN = new JavaFrame("?", "?", null, -1);

    /** "httpserver.Routes.handle". */
    public String method() {
        return className + "." + methodName;
    }

    /** "httpserver.Routes.handle(Routes.java:23)", the way a Java stack trace prints it; the method alone without a file. */
    public String withLine() {
        if (fileName == null) return method();
        return method() + "(" + fileName + (line >= 0 ? ":" + line : "") + ")";
    }
}
