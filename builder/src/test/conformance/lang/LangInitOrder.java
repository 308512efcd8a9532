import java.util.*;

public class LangInitOrder {
    static final List<String> log = new ArrayList<>();

    static String note(String s) {
        log.add(s);
        return s;
    }

    static class Parent {
        static String ps = note("Parent static field");
        String pf = note("Parent instance field");

        static {
            note("Parent static block");
        }

        {
            note("Parent instance block");
        }

        Parent() {
            note("Parent constructor");
            describe();
        }

        void describe() {
            note("Parent.describe");
        }
    }

    static class Child extends Parent {
        static String cs = note("Child static field");
        String cf = note("Child instance field");
        int value = 42;
        final String finalName;

        static {
            note("Child static block");
        }

        {
            note("Child instance block value=" + value);
        }

        Child() {
            this("default");
            note("Child() done");
        }

        Child(String n) {
            super();
            finalName = n;
            note("Child(String) " + n + " value=" + value);
        }

        @Override
        void describe() {
            note("Child.describe sees value=" + value + " cf=" + cf + " finalName=" + finalName);
        }
    }

    static class Constants {
        static final int COMPILE_TIME = 7;
        static final String ALSO_CONSTANT = "const";
        static final Integer NOT_CONSTANT = box(8);

        static {
            note("Constants initialised");
        }

        static Integer box(int x) {
            note("box " + x);
            return x;
        }
    }

    static class Lazy {
        private Lazy() {
            note("Lazy instance");
        }

        static class Holder {
            static final Lazy INSTANCE = new Lazy();

            static {
                note("Holder initialised");
            }
        }

        static Lazy get() {
            return Holder.INSTANCE;
        }

        static void unrelated() {
            note("Lazy.unrelated");
        }
    }

    static class Cyclic {
        static final Cyclic FIRST = new Cyclic();
        static int count = 5;
        static final int CONST = 9;
        final int seen;
        final int seenConst;

        Cyclic() {
            seen = count;
            seenConst = CONST;
        }
    }

    interface WithConstant {
        String X = note("interface field");

        static void hello() {
            note("interface static method");
        }
    }

    static class Impl implements WithConstant {
        static {
            note("Impl static");
        }
    }

    public static void main(String[] args) {
        note("main start");
        new Child();
        note("---");
        new Child("second");
        note("---");
        int c = Constants.COMPILE_TIME;
        String s = Constants.ALSO_CONSTANT;
        note("read constants " + c + " " + s);
        note("not constant " + Constants.NOT_CONSTANT);
        Lazy.unrelated();
        note("before get");
        Lazy.get();
        Lazy.get();
        note("Cyclic " + Cyclic.FIRST.seen + " " + Cyclic.FIRST.seenConst + " " + Cyclic.count);
        new Impl();
        note("after Impl");
        WithConstant.hello();
        note("X=" + WithConstant.X);
        Child[] arr = new Child[3];
        note("array of Child made, length " + arr.length);
        for (int i = 0; i < log.size(); i++) {
            System.out.println(i + ": " + log.get(i));
        }
    }
}
