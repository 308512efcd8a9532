import java.util.*;

public class ProgExprParser {
    sealed interface Node permits Num, Var, Bin, Unary, Call, Assign {
    }

    record Num(double v) implements Node {
    }

    record Var(String name) implements Node {
    }

    record Bin(char op, Node l, Node r) implements Node {
    }

    record Unary(char op, Node e) implements Node {
    }

    record Call(String fn, List<Node> args) implements Node {
    }

    record Assign(String name, Node e) implements Node {
    }

    static class ParseException extends RuntimeException {
        ParseException(String msg, int pos) {
            super(msg + " at " + pos);
        }
    }

    static class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Node parse() {
            Node n = statement();
            skip();
            if (pos < s.length()) {
                throw new ParseException("unexpected '" + s.charAt(pos) + "'", pos);
            }
            return n;
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private Node statement() {
            skip();
            int save = pos;
            if (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                String id = ident();
                if (eat('=')) {
                    return new Assign(id, expr());
                }
                pos = save;
            }
            return expr();
        }

        private Node expr() {
            Node n = term();
            while (true) {
                if (eat('+')) {
                    n = new Bin('+', n, term());
                } else if (eat('-')) {
                    n = new Bin('-', n, term());
                } else {
                    return n;
                }
            }
        }

        private Node term() {
            Node n = factor();
            while (true) {
                if (eat('*')) {
                    n = new Bin('*', n, factor());
                } else if (eat('/')) {
                    n = new Bin('/', n, factor());
                } else if (eat('%')) {
                    n = new Bin('%', n, factor());
                } else {
                    return n;
                }
            }
        }

        private Node factor() {
            Node base = unary();
            if (eat('^')) {
                return new Bin('^', base, factor()); // right associative
            }
            return base;
        }

        private Node unary() {
            if (eat('-')) {
                return new Unary('-', unary());
            }
            if (eat('+')) {
                return unary();
            }
            return primary();
        }

        private String ident() {
            int start = pos;
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private Node primary() {
            skip();
            if (eat('(')) {
                Node n = expr();
                if (!eat(')')) {
                    throw new ParseException("expected ')'", pos);
                }
                return n;
            }
            if (pos >= s.length()) {
                throw new ParseException("unexpected end", pos);
            }
            char c = s.charAt(pos);
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == 'e')) {
                    pos++;
                }
                return new Num(Double.parseDouble(s.substring(start, pos)));
            }
            if (Character.isLetter(c)) {
                String id = ident();
                if (eat('(')) {
                    List<Node> args = new ArrayList<>();
                    if (!eat(')')) {
                        do {
                            args.add(expr());
                        } while (eat(','));
                        if (!eat(')')) {
                            throw new ParseException("expected ')' after arguments", pos);
                        }
                    }
                    return new Call(id, args);
                }
                return new Var(id);
            }
            throw new ParseException("unexpected '" + c + "'", pos);
        }
    }

    static final Map<String, Double> vars = new TreeMap<>(Map.of("pi", Math.PI, "e", Math.E));

    static double eval(Node n) {
        return switch (n) {
            case Num num -> num.v();
            case Var v -> {
                Double d = vars.get(v.name());
                if (d == null) {
                    throw new NoSuchElementException("undefined variable " + v.name());
                }
                yield d;
            }
            case Unary u -> -eval(u.e());
            case Assign a -> {
                double d = eval(a.e());
                vars.put(a.name(), d);
                yield d;
            }
            case Bin b -> {
                double l = eval(b.l()), r = eval(b.r());
                yield switch (b.op()) {
                    case '+' -> l + r;
                    case '-' -> l - r;
                    case '*' -> l * r;
                    case '/' -> l / r;
                    case '%' -> l % r;
                    case '^' -> Math.pow(l, r);
                    default -> throw new IllegalStateException("op " + b.op());
                };
            }
            case Call c -> {
                double[] a = c.args().stream().mapToDouble(ProgExprParser::eval).toArray();
                yield switch (c.fn() + "/" + a.length) {
                    case "sqrt/1" -> Math.sqrt(a[0]);
                    case "abs/1" -> Math.abs(a[0]);
                    case "max/2" -> Math.max(a[0], a[1]);
                    case "min/2" -> Math.min(a[0], a[1]);
                    case "floor/1" -> Math.floor(a[0]);
                    case "hypot/2" -> Math.hypot(a[0], a[1]);
                    default -> throw new IllegalArgumentException("no function " + c.fn() + " with " + a.length + " arguments");
                };
            }
        };
    }

    static String show(Node n) {
        return switch (n) {
            case Num num -> num.v() == Math.rint(num.v()) && Math.abs(num.v()) < 1e15 ? Long.toString((long) num.v()) : Double.toString(num.v());
            case Var v -> v.name();
            case Unary u -> "(-" + show(u.e()) + ")";
            case Assign a -> a.name() + " := " + show(a.e());
            case Bin b -> "(" + show(b.l()) + " " + b.op() + " " + show(b.r()) + ")";
            case Call c -> c.fn() + c.args().stream().map(ProgExprParser::show).toList();
        };
    }

    public static void main(String[] args) {
        String[] inputs = {"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 7 % 2.5", "x = 3", "y = x * x + 1",
                "sqrt(x*x + 16)", "max(x, y) - min(1, -1)", "hypot(3, 4) * pi", "floor(e * 1000) / 1000", "1 / 0", "-1 / 0", "0 / 0",
                "1.5e3 + .25", "abs(-(3 - 10))", "2 * (3 + 4", "z + 1", "foo(1)", "3 $ 4", "", "1 +", "a = b = 2"};
        for (String in : inputs) {
            try {
                Node n = new Parser(in).parse();
                System.out.println(in + "  =>  " + show(n) + "  =  " + eval(n));
            } catch (ParseException | NoSuchElementException | IllegalArgumentException e) {
                System.out.println(in + "  !!  " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        System.out.println(vars);
    }
}
