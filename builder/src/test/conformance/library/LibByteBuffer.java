import java.nio.*;
import java.util.Arrays;

/** Heap ByteBuffer: byte order for multi-byte values, flip/compact/rewind/mark, slices and duplicates, views as Int/Long/Short buffers, bulk transfers, exceptions, toString and equality. */
public class LibByteBuffer {
    static String st(Buffer b) {
        return "[pos=" + b.position() + " lim=" + b.limit() + " cap=" + b.capacity() + "]";
    }

    public static void main(String[] args) {
        ByteBuffer b = ByteBuffer.allocate(32);
        System.out.println(st(b) + " order=" + b.order() + " native is little=" + (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) + " hasArray=" + b.hasArray() + " isDirect=" + b.isDirect());
        b.putInt(0x01020304).putShort((short) -2).putLong(0x1122334455667788L).putChar('Z').putFloat(1.5f).putDouble(-0.25).put((byte) 0x7F);
        System.out.println("after puts " + st(b) + " bytes " + Arrays.toString(Arrays.copyOf(b.array(), 16)));
        b.flip();
        System.out.println("flipped " + st(b) + " int=" + Integer.toHexString(b.getInt()) + " short=" + b.getShort() + " long=" + Long.toHexString(b.getLong()) + " char=" + b.getChar()
                + " float=" + b.getFloat() + " double=" + b.getDouble() + " byte=" + b.get() + " remaining=" + b.remaining());
        ByteBuffer le = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(0x01020304).putLong(1L).putShort((short) 0x0A0B);
        System.out.println("little endian bytes " + Arrays.toString(Arrays.copyOf(le.array(), 14)) + " absolute getInt(0) BE="
                + Integer.toHexString(le.order(ByteOrder.BIG_ENDIAN).getInt(0)) + " LE=" + Integer.toHexString(le.order(ByteOrder.LITTLE_ENDIAN).getInt(0)));
        ByteBuffer c = ByteBuffer.wrap("hello, world".getBytes());
        c.position(7);
        c.mark();
        c.get();
        c.get();
        c.reset();
        System.out.println("mark/reset position=" + c.position() + " get=" + (char) c.get());
        c.position(5);
        c.compact();
        System.out.println("compacted " + st(c) + " content=" + new String(c.array(), 0, c.position()));
        ByteBuffer w = ByteBuffer.wrap(new byte[] {10, 20, 30, 40, 50, 60, 70, 80}, 2, 4);
        ByteBuffer slice = w.slice();
        ByteBuffer dup = w.duplicate();
        slice.put(0, (byte) -1);
        dup.position(5);
        System.out.println("wrap(2,4) " + st(w) + " slice " + st(slice) + " offset=" + slice.arrayOffset() + " slice[0] in array=" + w.array()[2] + " dup " + st(dup) + " slice(1,2) " + st(w.slice(1, 2))
                + " get(1)=" + w.slice(1, 2).get(0));
        ByteBuffer ints = ByteBuffer.allocate(16);
        IntBuffer ib = ints.asIntBuffer();
        ib.put(new int[] {1, -1, 256, Integer.MIN_VALUE});
        LongBuffer lb = ints.asLongBuffer();
        ShortBuffer sb = ints.asShortBuffer();
        System.out.println("views " + st(ib) + " ints " + Arrays.toString(Arrays.copyOf(ints.array(), 16)) + " long0=" + Long.toHexString(lb.get(0)) + " short3=" + sb.get(3));
        ByteBuffer ro = ints.asReadOnlyBuffer();
        try {
            ro.put((byte) 1);
        } catch (ReadOnlyBufferException e) {
            System.out.println("read-only: ReadOnlyBufferException isReadOnly=" + ro.isReadOnly());
        }
        ByteBuffer small = ByteBuffer.allocate(3);
        try {
            small.putInt(1);
        } catch (BufferOverflowException e) {
            System.out.println("putInt into 3: BufferOverflowException " + st(small));
        }
        try {
            small.getLong();
        } catch (BufferUnderflowException e) {
            System.out.println("getLong from 3: BufferUnderflowException");
        }
        try {
            small.get(5);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("get(5): IndexOutOfBoundsException");
        }
        try {
            small.position(4);
        } catch (IllegalArgumentException e) {
            System.out.println("position(4): IllegalArgumentException");
        }
        ByteBuffer x = ByteBuffer.wrap(new byte[] {1, 2, 3});
        ByteBuffer y = ByteBuffer.wrap(new byte[] {9, 1, 2, 3}, 1, 3);
        System.out.println("equals=" + x.equals(y) + " compareTo=" + x.compareTo(ByteBuffer.wrap(new byte[] {1, 2, 4})) + " hash equal=" + (x.hashCode() == y.hashCode()) + " mismatch="
                + x.mismatch(ByteBuffer.wrap(new byte[] {1, 5})));
        byte[] dst = new byte[4];
        ByteBuffer src = ByteBuffer.wrap(new byte[] {5, 6, 7, 8, 9});
        src.get(dst, 1, 3);
        ByteBuffer target = ByteBuffer.allocate(8);
        target.put(src).put(new byte[] {1, 1}).flip();
        System.out.println("bulk " + Arrays.toString(dst) + " " + st(target) + " limit=" + target.limit() + " rewind " + target.rewind().position() + " clear " + st(target.clear()));
        ByteBuffer packet = ByteBuffer.allocate(12);
        packet.putShort((short) 0xBEEF).put((byte) 4).put((byte) 0).putInt(0xC0A80001).putInt(Float.floatToIntBits(3.25f)).flip();
        System.out.println("packet magic=" + Integer.toHexString(packet.getShort() & 0xFFFF) + " version=" + packet.get() + " flags=" + packet.get() + " ip="
                + (packet.get() & 0xFF) + "." + (packet.get() & 0xFF) + "." + (packet.get() & 0xFF) + "." + (packet.get() & 0xFF) + " value=" + packet.getFloat());
    }
}
