package dev.kiln.image;

import dev.kiln.image.elf.ElfFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * The Java mirror of {@code struct kiln_java_debug} (guest/include/kiln/javadebug.h, the one
 * definition; JavaDebugInfoAgreementTest checks this record against it, field by field and in
 * order): where a native image keeps what a debugger needs to print its Java stacks. Read from
 * the image file's {@value #SECTION} section, which the section headers locate in a stripped
 * image too. The numbers are the image's own; everything they lead to in guest memory is
 * untrusted and is read with bounds by its readers.
 */
public record JavaDebugInfo(long magic, long version, long stackTop, long callSites, long callSiteCount,
                            long currentFiber, long currentThread, long lastPendingCall, long frameNext,
                            long frameCallSite, long callSiteSize, long callSiteLocation, long locationMethod,
                            long locationLine, long locationNext, long methodFile, long methodClass, long methodName,
                            long stringChars, long arraySize, long arrayChars, long arrayInts, long pendingPrevious,
                            long pendingCallback, long callbackThread, long callbackFiber, long fiberCallSites,
                            long threadName, long threadId, long tablePointerSize) {
    public static final String SECTION = ".kiln.java";
    public static final String SYMBOL = "kiln_java_debug";
    public static final long MAGIC = 0x4742444156414a4bL;
    public static final long VERSION = 2;
    public static final long ABSENT = -1L;
    /** A suspended fiber's stack holds at most this many frames (KILN_JAVA_STACK_MAX_FRAMES). */
    public static final int MAX_FRAMES = 4096;
    /** The fields in the header's order, as the header names them: the gdb script reads the struct by these. */
    public static final List<String> FIELDS = List.of("magic", "version", "stack_top", "call_sites",
            "call_site_count", "current_fiber", "current_thread", "last_pending_call", "frame_next", "frame_call_site",
            "call_site_size", "call_site_location", "location_method", "location_line", "location_next", "method_file",
            "method_class", "method_name", "string_chars", "array_size", "array_chars", "array_ints",
            "pending_previous", "pending_callback", "callback_thread", "callback_fiber", "fiber_call_sites",
            "thread_name", "thread_id", "table_pointer_size");
    public static final int SIZE = 8 * 30;

    /** The descriptor of an image, if it has one (images built before it, and the C test guests, do not). */
    public static Optional<JavaDebugInfo> of(ElfFile elf) {
        Optional<ElfFile.Section> s = elf.section(SECTION);
        if (s.isEmpty()) return Optional.empty();
        if (s.get().type() == ElfFile.SHT_NOBITS || s.get().size() < SIZE) {
            throw new ImageException(SECTION + " holds " + s.get().size() + " bytes, not a " + SIZE + "-byte descriptor");
        }
        ByteBuffer b = ByteBuffer.wrap(elf.bytes(s.get().offset(), SIZE, SECTION)).order(ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[FIELDS.size()];
        for (int i = 0; i < v.length; i++) v[i] = b.getLong();
        if (v[0] != MAGIC) throw new ImageException(SECTION + " does not start with the Java debug descriptor's magic");
        if (v[1] != VERSION) {
            throw new ImageException(SECTION + " is version " + v[1] + "; this kiln reads version " + VERSION);
        }
        if (v[29] != 4 && v[29] != 8) {
            throw new ImageException(SECTION + ": the call-site tables' pointers are " + v[29] + " bytes, not 4 or 8");
        }
        return Optional.of(new JavaDebugInfo(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26],
                v[27], v[28], v[29]));
    }

    /** Whether the image has this field (TeaVM leaves out fields no code uses). */
    public static boolean present(long offset) {
        return offset != ABSENT;
    }
}
