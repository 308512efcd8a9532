package dev.kiln.vmm.profile;

/**
 * One Java method at one position, as TeaVM's call-site table names it.
 *
 * @param className the class, dotted ("httpserver.Routes")
 * @param methodName the method ("handle", "<init>")
 * @param fileName the source file, or null where TeaVM has none
 * @param line the line of the call, or -1
 */
public record JavaFrame(String className, String methodName, String fileName, int line) {
    /** "httpserver.Routes.handle". */
    public String method() {
        return className + "." + methodName;
    }

    /** "httpserver.Routes.handle(Routes.java:23)", the way a Java stack trace prints it. */
    public String withLine() {
        if (fileName == null) return method();
        return method() + "(" + fileName + (line >= 0 ? ":" + line : "") + ")";
    }
}
