import java.nio.*;

/** Heap CharBuffer as a CharSequence: wrap of arrays, subSequence, put/flip/compact, append, chars, comparisons, and other heap buffers (Int/Double/Long). */
public class LibCharBuffer {
    static String st(Buffer b) {
        return "[pos=" + b.position() + " lim=" + b.limit() + " cap=" + b.capacity() + "]";
    }

    public static void main(String[] args) {
        char[] arr = "abcdef".toCharArray();
        CharBuffer a = CharBuffer.wrap(arr);
        a.put(0, 'A').position(2);
        a.put('C');
        System.out.println("array-backed [" + a + "] array=" + new String(arr) + " flip [" + a.flip() + "]");
        CharBuffer w = CharBuffer.allocate(16);
        w.append("abc").append('-').append("xyz123", 0, 3).put("!!");
        w.flip();
        System.out.println("[" + w + "] get=" + w.get() + w.get() + " remaining=" + w.remaining() + " compact then [" + w.compact().flip() + "]");
        System.out.println("chars sum=" + CharBuffer.wrap("hello").chars().sum() + " indexOf via toString=" + CharBuffer.wrap("find me").toString().indexOf("me") + " compareTo="
                + CharBuffer.wrap("abc").compareTo(CharBuffer.wrap("abd")) + " equals=" + CharBuffer.wrap("same").equals(CharBuffer.wrap("same".toCharArray()))
                + " contentEquals=" + "kiln".contentEquals(CharBuffer.wrap("kiln")) + " isEmpty=" + CharBuffer.allocate(0).isEmpty());
        StringBuilder sb = new StringBuilder("prefix:");
        sb.append(CharBuffer.wrap("buffer"));
        System.out.println(sb + " " + String.join("|", CharBuffer.wrap("a"), CharBuffer.wrap("b")) + " regex " + java.util.regex.Pattern.compile("\\d+").matcher(CharBuffer.wrap("ab12cd")).find());
        IntBuffer ib = IntBuffer.allocate(5);
        ib.put(3).put(1).put(4).flip();
        int sum = 0;
        while (ib.hasRemaining()) {
            sum += ib.get();
        }
        DoubleBuffer db = DoubleBuffer.wrap(new double[] {1.5, 2.5, -1});
        LongBuffer lb = LongBuffer.allocate(2).put(Long.MAX_VALUE).put(-1L);
        System.out.println("IntBuffer sum=" + sum + " " + st(ib) + " DoubleBuffer get(1)=" + db.get(1) + " " + st(db) + " LongBuffer " + lb.flip().get(0) + " "
                + ShortBuffer.wrap(new short[] {7, 8}).get(1) + " " + FloatBuffer.allocate(1).put(0.1f).flip().get());
        CharBuffer big = CharBuffer.allocate(100);
        for (int i = 0; big.remaining() >= 3; i++) {
            big.put((char) ('a' + i % 26)).put((char) ('A' + i % 26)).put(' ');
        }
        big.flip();
        System.out.println("filled " + big.length() + " " + big.subSequence(90, 99));
    }
}
