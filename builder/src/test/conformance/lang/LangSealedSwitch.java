import java.util.*;

public class LangSealedSwitch {
    sealed interface Expr permits Num, Add, Mul, Neg, Var {
    }

    record Num(int value) implements Expr {
    }

    record Add(Expr left, Expr right) implements Expr {
    }

    record Mul(Expr left, Expr right) implements Expr {
    }

    record Neg(Expr inner) implements Expr {
    }

    record Var(String name) implements Expr {
    }

    sealed interface Vehicle permits Car, Truck, Bike {
    }

    static final class Car implements Vehicle {
        final int seats;

        Car(int seats) {
            this.seats = seats;
        }
    }

    static non-sealed class Truck implements Vehicle {
        int load() {
            return 10;
        }
    }

    static class BigTruck extends Truck {
        @Override
        int load() {
            return 40;
        }
    }

    enum Bike implements Vehicle { ROAD, MOUNTAIN }

    static int eval(Expr e, Map<String, Integer> env) {
        return switch (e) {
            case Num n -> n.value();
            case Add(Num(var a), Num(var b)) -> a + b;
            case Add(var l, var r) -> eval(l, env) + eval(r, env);
            case Mul(Num(int z), var r) when z == 0 -> 0;
            case Mul(var l, var r) -> eval(l, env) * eval(r, env);
            case Neg(Neg(var inner)) -> eval(inner, env);
            case Neg(var inner) -> -eval(inner, env);
            case Var(String name) when env.containsKey(name) -> env.get(name);
            case Var v -> throw new NoSuchElementException("unbound " + v.name());
        };
    }

    static String show(Expr e) {
        return switch (e) {
            case Num(var v) -> v < 0 ? "(" + v + ")" : Integer.toString(v);
            case Add a -> "(" + show(a.left()) + " + " + show(a.right()) + ")";
            case Mul m -> show(m.left()) + " * " + show(m.right());
            case Neg(var i) -> "-" + show(i);
            case Var(var n) -> n;
        };
    }

    static Expr simplify(Expr e) {
        return switch (e) {
            case Add(var l, Num(var z)) when z == 0 -> simplify(l);
            case Add(Num(var z), var r) when z == 0 -> simplify(r);
            case Mul(var l, Num(var one)) when one == 1 -> simplify(l);
            case Add(var l, var r) -> new Add(simplify(l), simplify(r));
            case Mul(var l, var r) -> new Mul(simplify(l), simplify(r));
            case Neg(Neg(var i)) -> simplify(i);
            default -> e;
        };
    }

    static String describe(Vehicle v) {
        return switch (v) {
            case Car c when c.seats > 4 -> "van-like car with " + c.seats;
            case Car c -> "car with " + c.seats;
            case BigTruck t -> "big truck " + t.load();
            case Truck t -> "truck " + t.load();
            case Bike b -> "bike " + b.name().toLowerCase() + " " + b.ordinal();
        };
    }

    static String classify(Object o) {
        return switch (o) {
            case null -> "null!";
            case Integer i when i > 100 -> "big int " + i;
            case Integer i -> "int " + i;
            case Long l -> "long " + l;
            case String s when s.isEmpty() -> "empty string";
            case String s -> "string of " + s.length();
            case int[] arr -> "int array of " + arr.length;
            case CharSequence cs -> "char sequence " + cs;
            case Expr ex -> "expr " + show(ex);
            default -> "other " + o.getClass().getSimpleName();
        };
    }

    public static void main(String[] args) {
        Map<String, Integer> env = Map.of("x", 6, "y", 7);
        List<Expr> exprs = List.of(new Num(4), new Add(new Num(2), new Num(3)), new Mul(new Var("x"), new Var("y")),
                new Mul(new Num(0), new Var("nope")), new Neg(new Neg(new Num(9))), new Add(new Neg(new Var("x")), new Num(-1)),
                new Add(new Mul(new Var("y"), new Num(1)), new Num(0)));
        for (Expr e : exprs) {
            System.out.println(show(e) + " = " + eval(e, env) + "   simplified " + show(simplify(e)));
        }
        try {
            eval(new Add(new Num(1), new Var("z")), env);
        } catch (NoSuchElementException e) {
            System.out.println("error: " + e.getMessage());
        }
        for (Vehicle v : List.of(new Car(2), new Car(7), new Truck(), new BigTruck(), Bike.MOUNTAIN, Bike.ROAD)) {
            System.out.println(describe(v));
        }
        Object[] things = {null, 5, 500, 5L, "", "hello", new int[3], new StringBuilder("sb"), new Neg(new Num(1)), 2.5, new java.util.ArrayList<String>()};
        for (Object o : things) {
            System.out.println(classify(o));
        }
        Object o = "pattern";
        if (o instanceof String s && s.length() > 3) {
            System.out.println("instanceof bound " + s.toUpperCase());
        }
        if (!(o instanceof Integer i)) {
            System.out.println("not an integer");
        } else {
            System.out.println(i + 1);
        }
    }
}
