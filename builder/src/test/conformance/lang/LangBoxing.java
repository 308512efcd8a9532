import java.util.*;

public class LangBoxing {
    static String same(Object a, Object b) {
        return a == b ? "same" : "different";
    }

    static Integer maybeNull(boolean b) {
        return b ? 7 : null;
    }

    public static void main(String[] args) {
        Integer a = 127, b = 127, c = 128, d = 128, e = -128, f = -128, g = -129, h = -129;
        System.out.println(same(a, b) + " " + same(c, d) + " " + same(e, f) + " " + same(g, h) + " " + c.equals(d));
        Long l1 = 127L, l2 = 127L, l3 = 128L, l4 = 128L;
        System.out.println(same(l1, l2) + " " + same(l3, l4) + " " + l3.equals(l4) + " " + l3.equals(128) + " " + l3.equals(128L));
        Short s1 = 100, s2 = 100;
        Byte y1 = (byte) 200, y2 = (byte) 200;
        Character c1 = 'z', c2 = 'z', c3 = '\u00e9', c4 = '\u00e9';
        Boolean t1 = true, t2 = Boolean.valueOf("TRUE");
        System.out.println(same(s1, s2) + " " + same(y1, y2) + " " + y1 + " " + same(c1, c2) + " " + c3.equals(c4) + " " + same(t1, t2));
        System.out.println(same(Integer.valueOf(5), Integer.valueOf(5)) + " " + same(Integer.valueOf(1000), Integer.valueOf(1000))
                + " " + Integer.valueOf(1000).equals(Integer.valueOf(1000)));
        System.out.println(Boolean.parseBoolean("yes") + " " + Boolean.valueOf("tRuE") + " " + Boolean.TRUE.compareTo(false)
                + " " + Boolean.logicalXor(true, false) + " " + Boolean.hashCode(true) + " " + Boolean.hashCode(false));
        Integer boxed = 1000;
        int prim = 1000;
        System.out.println((boxed == prim) + " " + boxed.equals(prim) + " " + Objects.equals(boxed, 1000L) + " " + (boxed.longValue() == 1000L));
        List<Integer> list = new ArrayList<>(List.of(10, 20, 30, 1, 2));
        list.remove(1);
        System.out.println(list);
        list.remove(Integer.valueOf(1));
        System.out.println(list);
        Set<Short> shorts = new HashSet<>();
        for (short i = 0; i < 5; i++) {
            shorts.add(i);
            shorts.remove(i - 1);
        }
        System.out.println("shorts " + shorts.size());
        Map<Character, Integer> freq = new TreeMap<>();
        for (char ch : "mississippi".toCharArray()) {
            freq.put(ch, freq.getOrDefault(ch, 0) + 1);
        }
        System.out.println(freq);
        try {
            int x = maybeNull(false);
            System.out.println("unboxed " + x);
        } catch (NullPointerException ex) {
            System.out.println("NPE unboxing null");
        }
        System.out.println(maybeNull(true) + 1);
        Object o = true ? 1 : "s";
        Object o2 = true ? 1 : 2.0;
        Object o3 = false ? 'a' : 98;
        Object o4 = true ? (Integer) null : "x";
        System.out.println(o.getClass().getSimpleName() + " " + o2 + " " + o2.getClass().getSimpleName() + " " + o3 + " "
                + o3.getClass().getSimpleName() + " " + o4);
        try {
            Integer n = null;
            int z = true ? n : 0;
            System.out.println(z);
        } catch (NullPointerException ex) {
            System.out.println("NPE in conditional unboxing");
        }
        Integer counter = 0;
        for (int i = 0; i < 5; i++) {
            counter++;
        }
        counter += 10;
        System.out.println(counter);
        Double dz = 0.0, nz = -0.0, nan1 = Double.NaN, nan2 = 0.0 / 0.0;
        System.out.println((0.0 == -0.0) + " " + dz.equals(nz) + " " + (Double.NaN == Double.NaN) + " " + nan1.equals(nan2) + " "
                + Double.compare(0.0, -0.0) + " " + dz.hashCode() + " " + nz.hashCode() + " " + nan1.hashCode());
        Float fz = 0.0f, fnz = -0.0f;
        System.out.println(fz.equals(fnz) + " " + Float.compare(fz, fnz) + " " + Float.valueOf(1.1f).hashCode() + " " + Float.floatToIntBits(Float.NaN));
        System.out.println(Integer.valueOf(77).hashCode() + " " + Long.valueOf(-1L).hashCode() + " " + Long.valueOf(1L << 40).hashCode() + " "
                + Double.valueOf(1.5).hashCode() + " " + Character.valueOf('A').hashCode() + " " + Short.valueOf((short) -3).hashCode()
                + " " + Byte.valueOf((byte) -3).hashCode());
        System.out.println(Integer.compare(3, 7) + " " + Long.compare(7, 3) + " " + Character.compare('b', 'a') + " " + Short.compare((short) 1, (short) 9)
                + " " + Byte.compare((byte) -1, (byte) 1) + " " + Integer.valueOf(5).compareTo(5));
        long big = Integer.MAX_VALUE;
        big++;
        Object widened = big;
        char ch = 'a';
        ch += 2;
        Object chObj = ch;
        System.out.println(widened + " " + widened.getClass().getSimpleName() + " " + chObj + " " + chObj.getClass().getSimpleName());
        Number[] numbers = {1, 2L, 3.0f, 4.0, (short) 5, (byte) 6};
        double total = 0;
        for (Number n : numbers) {
            total += n.doubleValue();
        }
        System.out.println(total + " " + numbers[2].intValue() + " " + Integer.valueOf(300).byteValue());
    }
}
