import java.util.*;
import java.util.function.*;

public class LangInnerClasses {
    private int counter = 100;
    private final String name;

    LangInnerClasses(String name) {
        this.name = name;
    }

    class Inner {
        int counter = 5;

        String show() {
            return "inner " + counter + " outer " + LangInnerClasses.this.counter + " " + name;
        }

        void bump() {
            LangInnerClasses.this.counter++;
            counter--;
        }

        class Deeper {
            String show() {
                return "deeper sees " + counter + " and " + LangInnerClasses.this.counter;
            }
        }
    }

    static class Nested {
        static int created;
        final int id;

        Nested() {
            id = ++created;
        }
    }

    interface Visitor {
        void visit(String s);
    }

    Runnable makeRunnable(String msg) {
        int local = msg.length();
        return new Runnable() {
            int calls;

            @Override
            public void run() {
                calls++;
                counter += local;
                System.out.println("anon run " + msg + " " + local + " calls=" + calls + " counter=" + counter);
            }
        };
    }

    static List<Supplier<Integer>> suppliers() {
        List<Supplier<Integer>> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            final int captured = i * i;
            out.add(() -> captured);
        }
        int[] shared = {0};
        for (int i = 0; i < 3; i++) {
            out.add(() -> ++shared[0]);
        }
        return out;
    }

    static Iterator<Integer> countdown(int from) {
        class Countdown implements Iterator<Integer> {
            int n = from;

            public boolean hasNext() {
                return n > 0;
            }

            public Integer next() {
                return n--;
            }
        }
        return new Countdown();
    }

    static abstract class Template {
        final String run() {
            return "[" + step1() + "|" + step2() + "]";
        }

        abstract String step1();

        String step2() {
            return "default2";
        }
    }

    public static void main(String[] args) {
        LangInnerClasses outer = new LangInnerClasses("outerA");
        LangInnerClasses.Inner in = outer.new Inner();
        System.out.println(in.show());
        in.bump();
        in.bump();
        System.out.println(in.show());
        LangInnerClasses.Inner.Deeper d = in.new Deeper();
        System.out.println(d.show());
        LangInnerClasses other = new LangInnerClasses("outerB");
        System.out.println(other.new Inner().show());
        new Nested();
        new Nested();
        System.out.println("nested " + new Nested().id + " " + Nested.created);
        Runnable r = outer.makeRunnable("hi");
        r.run();
        r.run();
        System.out.println("counter " + outer.counter);
        for (Supplier<Integer> s : suppliers()) {
            System.out.print(s.get() + " ");
        }
        System.out.println();
        StringBuilder sb = new StringBuilder();
        countdown(5).forEachRemaining(sb::append);
        System.out.println(sb);
        List<String> seen = new ArrayList<>();
        Visitor v = new Visitor() {
            @Override
            public void visit(String s) {
                seen.add(s.toUpperCase());
            }
        };
        for (String s : List.of("a", "b")) {
            v.visit(s);
        }
        System.out.println(seen);
        Template t1 = new Template() {
            String step1() {
                return "one";
            }
        };
        Template t2 = new Template() {
            String step1() {
                return "uno";
            }

            @Override
            String step2() {
                return "dos";
            }
        };
        System.out.println(t1.run() + " " + t2.run());
        System.out.println(in.getClass().getName() + " " + d.getClass().getName() + " " + Nested.class.getName());
        System.out.println(in.getClass().getSimpleName() + " " + Nested.class.getSimpleName() + " [" + t1.getClass().getSimpleName() + "]");
        System.out.println(t1.getClass().getName() + " " + t2.getClass().getName() + " " + r.getClass().getName());
        System.out.println(countdown(1).getClass().getName() + " " + countdown(1).getClass().getSimpleName());
        System.out.println(Nested.class.isMemberClass());
        System.out.println(Inner.class.getEnclosingClass().getSimpleName() + " " + Inner.Deeper.class.getDeclaringClass().getSimpleName());
    }
}
