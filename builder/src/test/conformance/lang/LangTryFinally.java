import java.util.*;

public class LangTryFinally {
    static final List<String> log = new ArrayList<>();

    static class Res implements AutoCloseable {
        final String name;
        final boolean failClose;

        Res(String name, boolean failOpen, boolean failClose) {
            if (failOpen) {
                log.add("open failed " + name);
                throw new IllegalStateException("cannot open " + name);
            }
            this.name = name;
            this.failClose = failClose;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
            if (failClose) {
                throw new IllegalArgumentException("close " + name + " failed");
            }
        }
    }

    @SuppressWarnings("finally")
    static int finallyOverridesReturn() {
        try {
            return 1;
        } finally {
            return 2;
        }
    }

    @SuppressWarnings("finally")
    static String finallySwallows() {
        try {
            throw new RuntimeException("lost");
        } finally {
            return "swallowed";
        }
    }

    static int returnValueFixed() {
        int x = 10;
        try {
            return x;
        } finally {
            x = 20;
            log.add("finally set x=" + x);
        }
    }

    static StringBuilder returnRefMutated() {
        StringBuilder sb = new StringBuilder("a");
        try {
            return sb;
        } finally {
            sb.append("b");
        }
    }

    static void twr(boolean bodyFails, boolean failClose1, boolean failClose2, boolean failOpen2) {
        log.clear();
        try (Res r1 = new Res("r1", false, failClose1); Res r2 = new Res("r2", failOpen2, failClose2)) {
            log.add("body " + r1.name + " " + r2.name);
            if (bodyFails) {
                throw new UnsupportedOperationException("body failed");
            }
        } catch (RuntimeException e) {
            log.add("caught " + e);
            for (Throwable s : e.getSuppressed()) {
                log.add("  suppressed " + s);
            }
        } finally {
            log.add("finally");
        }
        System.out.println(log);
    }

    static void nullResource() {
        log.clear();
        try (Res r = null) {
            log.add("body with null resource " + (r == null));
        }
        System.out.println(log);
    }

    static void existingVariable() {
        log.clear();
        Res shared = new Res("shared", false, false);
        try (shared) {
            log.add("using " + shared.name);
        }
        System.out.println(log);
    }

    static String nested(int mode) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("t1 ");
            try {
                sb.append("t2 ");
                if (mode == 1) {
                    throw new IllegalStateException("inner");
                }
                if (mode == 2) {
                    throw new Error("error");
                }
                sb.append("t2end ");
            } catch (IllegalStateException e) {
                sb.append("c2:").append(e.getMessage()).append(' ');
                if (mode == 1) {
                    throw new RuntimeException("rethrown", e);
                }
            } finally {
                sb.append("f2 ");
            }
            sb.append("t1end ");
        } catch (RuntimeException e) {
            sb.append("c1:").append(e.getMessage()).append("<-").append(e.getCause().getMessage()).append(' ');
        } catch (Error e) {
            sb.append("cE:").append(e.getMessage()).append(' ');
        } finally {
            sb.append("f1");
        }
        return sb.toString();
    }

    static String multiCatch(int i) {
        try {
            switch (i) {
                case 0 -> throw new IllegalArgumentException("iae");
                case 1 -> throw new ArrayIndexOutOfBoundsException("aioobe");
                case 2 -> {
                    Object o = "s";
                    Integer n = (Integer) o;
                    return "no " + n;
                }
                default -> {
                    return "fine";
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "multi " + e.getClass().getSimpleName() + " " + e.getMessage();
        } catch (ClassCastException e) {
            return "cce";
        }
    }

    static int loopFinallyCount() {
        int n = 0;
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 3) {
                    break;
                }
                continue;
            } finally {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        System.out.println(finallyOverridesReturn() + " " + finallySwallows() + " " + returnValueFixed() + " " + log + " " + returnRefMutated());
        twr(false, false, false, false);
        twr(true, false, false, false);
        twr(true, true, true, false);
        twr(false, true, true, false);
        twr(false, false, false, true);
        twr(true, true, false, false);
        nullResource();
        existingVariable();
        for (int m = 0; m < 3; m++) {
            System.out.println(nested(m));
        }
        for (int i = 0; i < 4; i++) {
            System.out.print(multiCatch(i) + "; ");
        }
        System.out.println();
        System.out.println("loop finally " + loopFinallyCount());
        Throwable t = new Exception("primary");
        t.addSuppressed(new RuntimeException("s1"));
        t.addSuppressed(new Error("s2"));
        System.out.println(t.getSuppressed().length + " " + Arrays.toString(t.getSuppressed()));
        try {
            t.addSuppressed(t);
        } catch (IllegalArgumentException e) {
            System.out.println("self: " + e.getMessage());
        }
        try {
            t.addSuppressed(null);
        } catch (NullPointerException e) {
            System.out.println("null: " + e.getMessage());
        }
    }
}
