package dev.kiln.libos.classlib.java.lang;

/**
 * java.lang.ExceptionInInitializerError, which TeaVM's class library lacks, so that programs that
 * make or catch one compile (conformance program LangExceptionChains). Written from the JDK's
 * Javadoc: the exception thrown by the initializer is the cause, and the message is null.
 */
public class TExceptionInInitializerError extends LinkageError {
    private static final long serialVersionUID = 1521711792217232256L;

    public TExceptionInInitializerError() {
        initCause(null);
    }

    public TExceptionInInitializerError(Throwable thrown) {
        super(null, thrown);
    }

    public TExceptionInInitializerError(String message) {
        super(message, null);
    }

    /** The exception thrown during the static initialization: the cause. */
    public Throwable getException() {
        return super.getCause();
    }
}
