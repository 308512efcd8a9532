public class StackTraces {
    static class Resource implements AutoCloseable {
        @Override
        public void close() {
            throw new IllegalStateException("close failed");
        }
    }

    static void inner(int depth) {
        if (depth == 0) {
            throw new IllegalArgumentException("deep");
        }
        inner(depth - 1);
    }

    static void outer() {
        try {
            inner(2);
        } catch (IllegalArgumentException e) {
            throw new RuntimeException("wrapped", e);
        }
    }

    static void withResource() throws Exception {
        try (Resource r = new Resource()) {
            throw new Exception("body");
        }
    }

    public static void main(String[] args) {
        try {
            outer();
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println(top.getClassName() + " " + top.getMethodName() + " " + top.getFileName() + " "
                    + top.getLineNumber() + " frames=" + e.getStackTrace().length);
        }
        try {
            withResource();
        } catch (Exception e) {
            e.printStackTrace(System.out);
        }
        Throwable self = new Error("self");
        try {
            self.addSuppressed(self);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            self.addSuppressed(null);
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        new StackTraces().fail();
    }

    void fail() {
        throw new UnsupportedOperationException("uncaught, with its trace");
    }
}
