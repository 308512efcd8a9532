import java.util.*;

public class LangPolymorphism {
    static class A {
        String name = "A.name";
        static String kind() {
            return "A.kind";
        }

        String who() {
            return "A.who";
        }

        String call() {
            return who() + "/" + name + "/" + kind();
        }

        String over(Object o) {
            return "A.over(Object)";
        }

        String over(String s) {
            return "A.over(String)";
        }

        protected Object make() {
            return "A.make";
        }
    }

    static class B extends A {
        String name = "B.name";
        static String kind() {
            return "B.kind";
        }

        @Override
        String who() {
            return "B.who";
        }

        String superWho() {
            return super.who() + "+" + super.name;
        }

        @Override
        String over(Object o) {
            return "B.over(Object)";
        }

        String over(Integer i) {
            return "B.over(Integer)";
        }

        @Override
        public String make() {
            return "B.make";
        }
    }

    static class C extends B {
        @Override
        String who() {
            return "C.who(" + super.who() + ")";
        }
    }

    static String pick(Object o) {
        return "pick(Object)";
    }

    static String pick(CharSequence cs) {
        return "pick(CharSequence)";
    }

    static String pick(String s) {
        return "pick(String)";
    }

    static String num(long x) {
        return "num(long)";
    }

    static String num(double x) {
        return "num(double)";
    }

    static String num(Object x) {
        return "num(Object)";
    }

    static String ch(int x) {
        return "ch(int)";
    }

    static String ch(Character x) {
        return "ch(Character)";
    }

    abstract static class Shape {
        private static int created;
        final int serial;

        Shape() {
            serial = ++created;
        }

        abstract double area();

        @Override
        public String toString() {
            return String.format("%s#%d(%.2f)", getClass().getSimpleName(), serial, area());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.getClass() == getClass() && Double.compare(s.area(), area()) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(area()) ^ getClass().getSimpleName().hashCode();
        }
    }

    static class Sq extends Shape {
        final double s;

        Sq(double s) {
            this.s = s;
        }

        double area() {
            return s * s;
        }
    }

    static class Circ extends Shape {
        final double r;

        Circ(double r) {
            this.r = r;
        }

        double area() {
            return Math.PI * r * r;
        }
    }

    public static void main(String[] args) {
        A a = new B();
        B b = (B) a;
        A c = new C();
        System.out.println(a.call() + " | " + a.name + " " + b.name + " " + ((A) b).name + " | " + b.superWho());
        System.out.println(c.call() + " | " + c.who() + " | " + A.kind() + " " + B.kind());
        System.out.println(a.over("s") + " " + a.over(1) + " " + b.over(1) + " " + b.over("s") + " " + b.over((Object) "s") + " " + a.over(null));
        System.out.println(a.make() + " " + b.make().length());
        System.out.println(pick("s") + " " + pick(new StringBuilder()) + " " + pick(1) + " " + pick(null) + " " + pick((Object) "s"));
        System.out.println(num(1) + " " + num(1f) + " " + num('c') + " " + num(Integer.valueOf(1)) + " " + num("x") + " " + ch('c') + " " + ch(Character.valueOf('c')));
        System.out.println((a instanceof B) + " " + (a instanceof C) + " " + (c instanceof B) + " " + a.getClass().getSimpleName() + " "
                + c.getClass().getSuperclass().getSimpleName() + " " + B.class.isInstance(c) + " " + A.class.isAssignableFrom(C.class)
                + " " + C.class.isAssignableFrom(A.class));
        try {
            C bad = (C) a;
            System.out.println("cast worked " + bad);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException B -> C");
        }
        List<Shape> shapes = List.of(new Sq(2), new Circ(1), new Sq(1.5), new Circ(0.5), new Sq(2));
        System.out.println(shapes);
        System.out.println(shapes.get(0).equals(shapes.get(4)) + " " + shapes.get(0).equals(shapes.get(2)) + " " + new HashSet<>(shapes).size()
                + " " + (shapes.get(0).hashCode() == shapes.get(4).hashCode()));
        double total = 0;
        for (Shape s : shapes) {
            total += s.area();
        }
        System.out.printf("total %.4f%n", total);
        Object o = b;
        System.out.println(((A) o).who() + " " + o.toString().startsWith("LangPolymorphism$B@"));
    }
}
