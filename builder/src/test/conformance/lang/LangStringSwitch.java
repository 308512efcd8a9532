import java.util.*;

public class LangStringSwitch {
    enum Color { RED, GREEN, BLUE }

    static String classic(String s) {
        String r;
        switch (s) {
            case "Aa":
                r = "Aa";
                break;
            case "BB": // same hashCode as "Aa"
                r = "BB";
                break;
            case "AaAa":
            case "BBBB":
                r = "four letter collision " + s;
                break;
            case "":
                r = "empty";
                break;
            case "fall":
                r = "fall";
            case "through":
                r = "through-reached";
                break;
            default:
                r = "default(" + s + ")";
        }
        return r;
    }

    static int arrow(String s) {
        return switch (s.toLowerCase()) {
            case "one", "uno", "eins" -> 1;
            case "two", "dos", "zwei" -> 2;
            case "three" -> {
                int x = 1;
                for (int i = 0; i < 2; i++) {
                    x++;
                }
                yield x;
            }
            default -> -1;
        };
    }

    static String colorName(Color c) {
        return switch (c) {
            case RED -> "warm";
            case GREEN, BLUE -> "cool";
        };
    }

    static String oldYield(int day) {
        String r = switch (day) {
            case 1, 7:
                yield "weekend";
            case 2:
            case 3:
                yield "early";
            default: {
                String t = "day" + day;
                yield t;
            }
        };
        return r;
    }

    static String charSwitch(char c) {
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u':
                return "vowel";
            case ' ':
                return "space";
            default:
                return Character.isDigit(c) ? "digit" : "consonant";
        }
    }

    static String sparse(int v) {
        switch (v) {
            case -1000000: return "minus million";
            case 0: return "zero";
            case 7: return "seven";
            case 1 << 20: return "2^20";
            case Integer.MAX_VALUE: return "max";
            case Integer.MIN_VALUE: return "min";
            default: return "other";
        }
    }

    public static void main(String[] args) {
        System.out.println("Aa".hashCode() + " " + "BB".hashCode() + " " + "AaAa".hashCode() + " " + "BBBB".hashCode() + " " + "AaBB".hashCode());
        for (String s : new String[] {"Aa", "BB", "AaAa", "BBBB", "AaBB", "", "fall", "through", "x"}) {
            System.out.println("classic " + s + " -> " + classic(s));
        }
        for (String s : new String[] {"ONE", "dos", "Three", "zwei", "vier"}) {
            System.out.print(arrow(s) + " ");
        }
        System.out.println();
        for (Color c : Color.values()) {
            System.out.print(colorName(c) + " ");
        }
        System.out.println();
        for (int d = 1; d <= 7; d += 2) {
            System.out.print(oldYield(d) + " ");
        }
        System.out.println(oldYield(2));
        StringBuilder sb = new StringBuilder();
        for (char c : "kiln 25 io".toCharArray()) {
            sb.append(charSwitch(c).charAt(0));
        }
        System.out.println(sb);
        for (int v : new int[] {-1000000, 0, 7, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE, 8}) {
            System.out.print(sparse(v) + ", ");
        }
        System.out.println();
        try {
            String n = null;
            switch (n) {
                case "a" -> System.out.println("a");
                default -> System.out.println("default");
            }
        } catch (NullPointerException e) {
            System.out.println("NPE switching on null string");
        }
        Object o = null;
        String r = switch (o) {
            case null -> "null case";
            case String s -> s;
            default -> "obj";
        };
        System.out.println(r);
        Map<String, Integer> counts = new TreeMap<>();
        for (String w : "GET POST GET PUT DELETE GET POST PATCH".split(" ")) {
            String kind = switch (w) {
                case "GET", "HEAD" -> "read";
                case "POST", "PUT", "PATCH" -> "write";
                case "DELETE" -> "delete";
                default -> throw new IllegalArgumentException(w);
            };
            counts.merge(kind, 1, Integer::sum);
        }
        System.out.println(counts);
    }
}
