package dev.kiln.vmm.javastack;

import dev.kiln.image.JavaDebugInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** java.lang.String objects in guest memory, read through the image's Java debug descriptor, bounded. */
public final class JavaStrings {
    /** The longest string read (a class, method, file or thread name), in chars; a longer one is a scribbled length. */
    public static final int MAX_CHARS = 1024;

    private final GuestWords mem;
    private final JavaDebugInfo d;

    public JavaStrings(GuestWords memory, JavaDebugInfo descriptor) {
        this.mem = memory;
        this.d = descriptor;
    }

    /**
     * The text of the non-null String at {@code string}, as the guest holds it (control characters
     * included: the caller makes it printable its own way); "" for a String without chars, null
     * where the image leaves String.chars out.
     *
     * @throws GuestWords.Unreadable for a length out of bounds or memory the guest may not read
     */
    public String read(long string) {
        if (!JavaDebugInfo.present(d.stringChars())) return null;
        long chars = mem.u64(string + d.stringChars());
        if (chars == 0) return "";
        int n = mem.i32(chars + d.arraySize());
        if (n < 0 || n > MAX_CHARS) throw new GuestWords.Unreadable("a string of " + n + " characters");
        ByteBuffer b = ByteBuffer.wrap(mem.bytes(chars + d.arrayChars(), 2 * n)).order(ByteOrder.LITTLE_ENDIAN);
        char[] text = new char[n];
        for (int i = 0; i < n; i++) text[i] = b.getChar();
        return new String(text);
    }
}
