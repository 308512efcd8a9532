public class CustomExceptions {
    static class AppException extends Exception {
        final int code;

        AppException(String message, int code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }
    }

    static class Resource implements AutoCloseable {
        final String name;

        Resource(String name) {
            this.name = name;
            System.out.println("open " + name);
        }

        @Override
        public void close() throws Exception {
            System.out.println("close " + name);
            if (name.equals("bad")) {
                throw new IllegalStateException("close failed");
            }
        }
    }

    static void level3(int x) throws AppException {
        try {
            if (x > 2) {
                throw new IllegalArgumentException("too big: " + x);
            }
        } catch (IllegalArgumentException e) {
            throw new AppException("wrapped", 42, e);
        }
    }

    static int withFinally() {
        int i = 0;
        try {
            i = 1;
            return i;
        } finally {
            i = 2;
            System.out.println("finally ran, i=" + i);
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            level3(5);
        } catch (AppException e) {
            System.out.println(e.getMessage() + " " + e.code + " cause=" + e.getCause().getMessage() + " " + e.getCause().getClass().getName());
        }
        System.out.println(withFinally());
        try (Resource a = new Resource("a"); Resource b = new Resource("bad")) {
            throw new RuntimeException("body");
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getMessage() + " suppressed=" + e.getSuppressed().length + " " + e.getSuppressed()[0].getMessage());
        }
        try {
            try {
                throw new UnsupportedOperationException("inner");
            } finally {
                System.out.println("inner finally");
            }
        } catch (RuntimeException e) {
            System.out.println("outer caught " + e.getMessage() + " " + (e instanceof UnsupportedOperationException));
        }
        Throwable t = new Error("an error");
        System.out.println(t + " | " + new RuntimeException() + " | " + new Exception((String) null).getMessage());
        try {
            multi(1);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.out.println("multi " + e.getClass().getSimpleName());
        }
        int depth = 0;
        try {
            depth = recurse(0);
        } catch (StackOverflowError e) {
            depth = -1;
        }
        System.out.println("recursion " + (depth > 0));
    }

    static int recurse(int n) {
        return n >= 1000 ? n : recurse(n + 1);
    }

    static void multi(int x) {
        if (x == 1) {
            throw new IllegalStateException();
        }
        throw new IllegalArgumentException();
    }
}
