import java.nio.ByteBuffer;
import java.nio.CharBuffer;

/** TeaVM's buffers: toString, a read-only heap buffer's hasArray, CharBuffer.wrap(cs, start, end)'s positions. */
public class DiffBuffers {
    public static void main(String[] args) {
        System.out.println(ByteBuffer.allocate(32));
        System.out.println("read-only hasArray " + ByteBuffer.allocate(4).asReadOnlyBuffer().hasArray());
        CharBuffer cb = CharBuffer.wrap("unikernel kiln", 3, 9);
        System.out.println("charAt(1) " + cb.charAt(1) + " read-only " + cb.isReadOnly());
        System.out.println("end of DiffBuffers");
    }
}
