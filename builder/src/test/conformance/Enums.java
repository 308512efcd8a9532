import java.util.*;

public class Enums {
    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6), JUPITER(1.9e+27, 7.1492e7);

        private final double mass;
        private final double radius;

        Planet(double mass, double radius) {
            this.mass = mass;
            this.radius = radius;
        }

        double surfaceGravity() {
            return 6.67300E-11 * mass / (radius * radius);
        }
    }

    enum Op {
        ADD("+") {
            int apply(int a, int b) {
                return a + b;
            }
        },
        MUL("*") {
            int apply(int a, int b) {
                return a * b;
            }
        };

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        abstract int apply(int a, int b);
    }

    public static void main(String[] args) {
        for (Planet p : Planet.values()) {
            System.out.printf("%s %d %.2f%n", p, p.ordinal(), p.surfaceGravity());
        }
        for (Op op : Op.values()) {
            System.out.println("6 " + op.symbol + " 7 = " + op.apply(6, 7) + " " + op.name() + " " + op.getDeclaringClass().getSimpleName());
        }
        System.out.println(Planet.valueOf("EARTH").compareTo(Planet.JUPITER) + " " + Planet.EARTH.equals(Planet.EARTH));
        try {
            Planet.valueOf("PLUTO");
        } catch (IllegalArgumentException e) {
            System.out.println("no PLUTO");
        }
        EnumMap<Planet, String> m = new EnumMap<>(Planet.class);
        m.put(Planet.JUPITER, "big");
        m.put(Planet.MERCURY, "small");
        System.out.println(m + " " + EnumSet.allOf(Planet.class) + " " + EnumSet.complementOf(EnumSet.of(Planet.EARTH)));
        String s = "b";
        switch (s) {
            case "a" -> System.out.println("string switch a");
            case "b" -> System.out.println("string switch b");
            default -> System.out.println("string switch default");
        }
        int code = switch (Planet.EARTH) {
            case MERCURY -> 1;
            case EARTH -> {
                int x = 40;
                yield x + 2;
            }
            case JUPITER -> 3;
        };
        System.out.println(code);
    }
}
