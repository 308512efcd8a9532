import java.io.*;
import java.util.*;

public class LangExceptionChains {
    static class ValidationException extends Exception {
        private final String field;

        ValidationException(String field, String message) {
            super(message);
            this.field = field;
        }

        @Override
        public String getMessage() {
            return field + ": " + super.getMessage();
        }
    }

    static class ServiceException extends RuntimeException {
        final int code;

        ServiceException(int code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        @Override
        public String toString() {
            return "ServiceException[" + code + "] " + getMessage();
        }
    }

    static class Quiet extends Exception {
        Quiet() {
            super("quiet", null, false, false);
        }
    }

    static class Localized extends Exception {
        Localized(String m) {
            super(m);
        }

        @Override
        public String getLocalizedMessage() {
            return "localized<" + getMessage() + ">";
        }
    }

    static void validate(String name) throws ValidationException {
        if (name.isBlank()) {
            throw new ValidationException("name", "must not be blank");
        }
    }

    static void service(String name) {
        try {
            validate(name);
        } catch (ValidationException e) {
            throw new ServiceException(400, "bad request", e);
        }
    }

    static void io() throws IOException {
        try {
            service(" ");
        } catch (ServiceException e) {
            throw new IOException(e);
        }
    }

    static void printChain(Throwable t) {
        int depth = 0;
        while (t != null) {
            System.out.println("  ".repeat(depth) + t.getClass().getName() + " | toString=" + t + " | message=" + t.getMessage());
            t = t.getCause();
            depth++;
        }
    }

    public static void main(String[] args) {
        try {
            io();
        } catch (IOException e) {
            printChain(e);
        }
        System.out.println(new RuntimeException() + " | " + new RuntimeException((String) null).getMessage() + " | " + new RuntimeException(""));
        System.out.println(new Exception(new IllegalStateException("inner")).getMessage());
        System.out.println(new Exception((Throwable) null).getMessage() + " " + new Exception("m", null).getCause());
        System.out.println(new Localized("hi") + " | " + new Localized("hi").getMessage());
        Quiet q = new Quiet();
        q.addSuppressed(new Exception("ignored"));
        System.out.println(q + " suppressed=" + q.getSuppressed().length + " trace=" + q.getStackTrace().length);
        Exception e1 = new Exception("e1");
        e1.initCause(new Error("root"));
        System.out.println(e1.getCause());
        try {
            e1.initCause(new Error("again"));
        } catch (IllegalStateException e) {
            System.out.println("ISE");
        }
        Exception e3 = new Exception("e3");
        try {
            e3.initCause(e3);
        } catch (IllegalArgumentException e) {
            System.out.println("IAE");
        }
        Throwable[] kinds = {new IllegalArgumentException("a"), new UnsupportedOperationException(), new ArithmeticException("/ by zero"),
                new NumberFormatException("For input string: \"x\""), new UncheckedIOException("wrapped", new FileNotFoundException("f.txt")),
                new NoSuchElementException("none"), new ConcurrentModificationException(), new IndexOutOfBoundsException(7),
                new StringIndexOutOfBoundsException("3"), new ArrayIndexOutOfBoundsException("-1"), new AssertionError("assert"),
                new AssertionError(42), new StackOverflowError(), new OutOfMemoryError("heap"), new CloneNotSupportedException("nope"),
                new InterruptedException("int"), new EOFException()};
        for (Throwable t : kinds) {
            System.out.println(t + " | " + (t instanceof RuntimeException) + " " + (t instanceof Error) + " " + t.getClass().getSuperclass().getSimpleName());
        }
        System.out.println(new UncheckedIOException(new IOException("io")).getMessage());
        System.out.println(new ExceptionInInitializerError(new RuntimeException("x")).getCause() + " " + new ExceptionInInitializerError("msg").getMessage());
        try {
            throw new ServiceException(500, null, null);
        } catch (ServiceException e) {
            System.out.println(e + " " + e.code + " " + (e.getCause() == null));
        }
        StringWriter sw = new StringWriter();
        try {
            Objects.requireNonNull(null, "config must be set");
        } catch (NullPointerException e) {
            sw.write(e.getMessage());
        }
        try {
            List.of(1, 2).add(3);
        } catch (UnsupportedOperationException e) {
            sw.write(" | UOE " + e.getMessage());
        }
        try {
            new ArrayList<>(List.of(1)).iterator().remove();
        } catch (IllegalStateException e) {
            sw.write(" | ISE " + e.getMessage());
        }
        System.out.println(sw);
    }
}
