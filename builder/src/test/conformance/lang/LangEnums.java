import java.util.*;
import java.util.function.*;

public class LangEnums {
    interface Describable {
        String describe();
    }

    enum Level implements Describable {
        LOW(1), MEDIUM(5), HIGH(10) {
            @Override
            public String describe() {
                return "HIGH!!";
            }
        };

        private final int weight;

        Level(int weight) {
            this.weight = weight;
        }

        public String describe() {
            return name().toLowerCase() + "(" + weight + ")";
        }
    }

    enum Op implements IntBinaryOperator {
        PLUS('+', (a, b) -> a + b), MINUS('-', (a, b) -> a - b), TIMES('*', (a, b) -> a * b), DIV('/', (a, b) -> a / b);

        final char symbol;
        private final IntBinaryOperator f;

        Op(char symbol, IntBinaryOperator f) {
            this.symbol = symbol;
            this.f = f;
        }

        @Override
        public int applyAsInt(int a, int b) {
            return f.applyAsInt(a, b);
        }

        static Op of(char c) {
            for (Op op : values()) {
                if (op.symbol == c) {
                    return op;
                }
            }
            throw new IllegalArgumentException("no operator " + c);
        }
    }

    enum Day { MON, TUE, WED, THU, FRI, SAT, SUN;
        boolean weekend() {
            return this == SAT || this == SUN;
        }
    }

    // More than 64 constants: EnumSet's other implementation.
    enum Big { C00, C01, C02, C03, C04, C05, C06, C07, C08, C09, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19,
        C20, C21, C22, C23, C24, C25, C26, C27, C28, C29, C30, C31, C32, C33, C34, C35, C36, C37, C38, C39,
        C40, C41, C42, C43, C44, C45, C46, C47, C48, C49, C50, C51, C52, C53, C54, C55, C56, C57, C58, C59,
        C60, C61, C62, C63, C64, C65, C66, C67, C68, C69 }

    enum Singleton {
        INSTANCE;
        int counter;

        int next() {
            return ++counter;
        }
    }

    public static void main(String[] args) {
        for (Level l : Level.values()) {
            System.out.println(l + " " + l.ordinal() + " " + l.describe() + " " + l.getDeclaringClass().getSimpleName()
                    + " " + (l.getClass() == Level.class));
        }
        System.out.println(Level.valueOf("MEDIUM") + " " + Enum.valueOf(Level.class, "HIGH") + " " + Level.HIGH.compareTo(Level.LOW));
        for (String bad : new String[] {"medium", "NONE", ""}) {
            try {
                Level.valueOf(bad);
            } catch (IllegalArgumentException e) {
                System.out.println("IAE: " + e.getMessage());
            }
        }
        try {
            Level.valueOf(null);
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        for (String expr : new String[] {"7+5", "7-5", "7*5", "7/5"}) {
            Op op = Op.of(expr.charAt(1));
            System.out.println(expr + " = " + op.applyAsInt(expr.charAt(0) - '0', expr.charAt(2) - '0') + " via " + op);
        }
        try {
            Op.DIV.applyAsInt(1, 0);
        } catch (ArithmeticException e) {
            System.out.println("ArithmeticException: " + e.getMessage());
        }
        EnumMap<Day, List<String>> plan = new EnumMap<>(Day.class);
        plan.put(Day.FRI, List.of("party"));
        plan.put(Day.MON, List.of("work", "gym"));
        plan.computeIfAbsent(Day.WED, d -> new ArrayList<>()).add("chess");
        plan.merge(Day.MON, List.of("more"), (a, b) -> { List<String> r = new ArrayList<>(a); r.addAll(b); return r; });
        System.out.println(plan + " " + plan.size() + " " + plan.containsKey(Day.TUE) + " " + plan.get(Day.SUN));
        System.out.println(plan.keySet() + " " + plan.values());
        EnumSet<Day> weekend = EnumSet.noneOf(Day.class);
        for (Day d : Day.values()) {
            if (d.weekend()) {
                weekend.add(d);
            }
        }
        System.out.println(weekend + " " + EnumSet.complementOf(weekend) + " " + EnumSet.range(Day.TUE, Day.THU));
        EnumSet<Day> some = EnumSet.of(Day.SUN, Day.MON, Day.WED);
        some.retainAll(EnumSet.range(Day.MON, Day.FRI));
        System.out.println(some + " " + some.contains(Day.SUN) + " " + EnumSet.allOf(Day.class).size());
        EnumSet<Big> big = EnumSet.range(Big.C60, Big.C66);
        big.add(Big.C03);
        big.remove(Big.C62);
        System.out.println(big + " " + big.size() + " " + EnumSet.complementOf(big).size() + " " + big.contains(Big.C64));
        Map<Level, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
        for (Level l : List.of(Level.LOW, Level.HIGH, Level.LOW, Level.MEDIUM, Level.LOW)) {
            counts.merge(l, 1, Integer::sum);
        }
        System.out.println(counts);
        System.out.println(Singleton.INSTANCE.next() + " " + Singleton.INSTANCE.next() + " " + Singleton.valueOf("INSTANCE").counter);
        Day d = Day.THU;
        switch (d) {
            case MON:
            case TUE:
                System.out.println("early week");
                break;
            case WED:
            case THU:
                System.out.println("midweek");
            case FRI:
                System.out.println("fell through to friday");
                break;
            default:
                System.out.println("weekend");
        }
        System.out.println(Level.HIGH.name() + " " + Level.HIGH.hashCode() * 0 + " " + Level.class.isEnum() + " "
                + Arrays.toString(Day.class.getEnumConstants()));
    }
}
