public class Formatting {
    public static void main(String[] args) {
        System.out.println(String.format("%d|%5d|%-5d|%05d|%,d|%+d", 42, 42, 42, 42, 1234567, 7));
        System.out.println(String.format("%x|%X|%o|%08x|%#x", 255, 255, 8, 48879, 255));
        System.out.println(String.format("%s|%10s|%-10s|%.3s|%S", "kiln", "kiln", "kiln", "kilnkiln", "kiln"));
        System.out.println(String.format("%.2f|%10.3f|%-10.1f|%e|%.3e|%g", 3.14159, 2.71828, 1.0, 12345.678, 0.000123, 0.5));
        System.out.println(String.format("%c|%b|%%|%n", 'k', true).trim());
        System.out.println(String.format("%2$s %1$s", "world", "hello") + " " + String.format("%,.2f", 1234567.891));
        System.out.printf("%s has %d items costing %.2f%n", "cart", 3, 19.999);
        System.out.println(String.format("%08.3f|%(d|% d", -3.5, -12, 5));
        System.out.println(String.format("[%-8s][%8s]", "left", "right") + " " + "%d items".formatted(5));
        System.out.println(String.format("%b %s %s", null, null, java.util.List.of(1, 2)));
        System.out.println(String.format("%h", "hi") + " " + String.format("%.0f %.1f %.2f", 0.5, 0.25, 1.005));
    }
}
