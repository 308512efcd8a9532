package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the image's Java debug descriptor ({@code struct kiln_java_debug},
 * guest/include/kiln/javadebug.h) as C compiled with TeaVM's output, so that gcc computes
 * every offset from TeaVM's own structures. This class and {@link FiberStackRewrite} are the
 * only places that know TeaVM's C names (class {@code org.teavm.runtime.Fiber} is the struct
 * {@code cls_otr_Fiber}, its field {@code x} is {@code fld_x}, its static {@code y} is
 * {@code sfld_otr_Fiber_y}); a TeaVM upgrade that changes them shows up here.
 *
 * <p>TeaVM leaves out fields no reachable code uses (an image that never names a thread has no
 * {@code Thread.name}), so each field is looked up in the generated header first and written
 * as KILN_JAVA_DEBUG_ABSENT when it is not there.
 */
final class JavaDebugDescriptor {
    static final String FILE = "kiln_java_debug.c";

    private record Struct(String header, String cName) {
    }

    private static final Struct FIBER = new Struct("classes/org/teavm/runtime/Fiber.h", "cls_otr_Fiber");
    private static final Struct PENDING = new Struct("classes/org/teavm/runtime/Fiber@dPendingCall.h",
            "cls_otr_Fiber_PendingCall");
    private static final Struct CALLBACK = new Struct("classes/org/teavm/runtime/Fiber@dAsyncCallbackImpl.h",
            "cls_otr_Fiber_AsyncCallbackImpl");
    private static final Struct THREAD = new Struct("classes/java/lang/Thread.h", "cls_jl_Thread");

    private final Path c;
    private final StringBuilder includes = new StringBuilder();

    private JavaDebugDescriptor(Path c) {
        this.c = c;
    }

    /** Writes {@value #FILE} into TeaVM's output directory {@code c} and includes it at the end of all.c. */
    static void write(Path c) throws IOException, NativeBuildException {
        if (!Files.isRegularFile(c.resolve("stack.h")) || !Files.isRegularFile(c.resolve("callsites.c"))) {
            throw new NativeBuildException("TeaVM's C output has no stack.h or callsites.c: this TeaVM version's"
                    + " runtime differs from the one Kiln's Java debug descriptor was written for (0.16.0)");
        }
        Files.writeString(c.resolve(FILE), new JavaDebugDescriptor(c).source());
        Files.writeString(c.resolve("all.c"), "#include \"" + FILE + "\"\n", StandardOpenOption.APPEND);
    }

    private String source() throws IOException {
        StringBuilder body = new StringBuilder();
        field(body, "magic", "KILN_JAVA_DEBUG_MAGIC");
        field(body, "version", "KILN_JAVA_DEBUG_VERSION");
        field(body, "stack_top", "(uint64_t) (uintptr_t) &teavm_stackTop");
        field(body, "call_sites", "(uint64_t) (uintptr_t) teavm_callSites");
        field(body, "call_site_count", "sizeof(teavm_callSites) / sizeof(teavm_callSites[0])");
        field(body, "current_fiber", staticField(FIBER, "sfld_otr_Fiber_current"));
        field(body, "current_thread", staticField(THREAD, "sfld_jl_Thread_currentThread"));
        field(body, "last_pending_call", staticField(FIBER, "sfld_otr_Fiber_lastPendingCall"));
        field(body, "frame_next", "offsetof(TeaVM_StackFrame, next)");
        field(body, "frame_call_site", "offsetof(TeaVM_StackFrame, callSiteId)");
        field(body, "call_site_size", "sizeof(TeaVM_CallSite)");
        field(body, "call_site_location", "offsetof(TeaVM_CallSite, location)");
        field(body, "location_method", "offsetof(TeaVM_CallSiteLocation, method)");
        field(body, "location_line", "offsetof(TeaVM_CallSiteLocation, lineNumber)");
        field(body, "location_next", "offsetof(TeaVM_CallSiteLocation, next)");
        field(body, "method_file", "offsetof(TeaVM_MethodLocation, fileName)");
        field(body, "method_class", "offsetof(TeaVM_MethodLocation, className)");
        field(body, "method_name", "offsetof(TeaVM_MethodLocation, methodName)");
        field(body, "string_chars", "offsetof(TeaVM_String, characters)");
        field(body, "array_size", "offsetof(TeaVM_Array, size)");
        // TEAVM_ARRAY_DATA: the elements start after the header, aligned to their size
        field(body, "array_chars", "(sizeof(TeaVM_Array) + sizeof(char16_t) - 1) / sizeof(char16_t) * sizeof(char16_t)");
        field(body, "array_ints", "(sizeof(TeaVM_Array) + sizeof(int32_t) - 1) / sizeof(int32_t) * sizeof(int32_t)");
        field(body, "pending_previous", offset(PENDING, "previous"));
        field(body, "pending_callback", offset(PENDING, "callback"));
        field(body, "callback_thread", offset(CALLBACK, "javaThread"));
        field(body, "callback_fiber", offset(CALLBACK, "fiber"));
        field(body, "fiber_call_sites", offset(FIBER, FiberStackRewrite.FIELD));
        field(body, "thread_name", offset(THREAD, "name"));
        field(body, "thread_id", offset(THREAD, "id"));
        field(body, "table_pointer_size", "sizeof(((TeaVM_CallSite*) 0)->location)"); // 4: NarrowCallSiteTables
        return "/* The Java debug descriptor (guest/include/kiln/javadebug.h), written by kiln build. */\n"
                + "#include <stddef.h>\n#include <stdint.h>\n#include <uchar.h>\n#include <kiln/javadebug.h>\n"
                + "#include \"stack.h\"\n#include \"core.h\"\n" + includes
                + "__attribute__((used, retain, aligned(8), section(KILN_JAVA_DEBUG_SECTION)))\n"
                + "const struct kiln_java_debug kiln_java_debug = {\n" + body + "};\n";
    }

    private static void field(StringBuilder body, String name, String value) {
        body.append("    .").append(name).append(" = ").append(value).append(",\n");
    }

    private String offset(Struct s, String field) throws IOException {
        String header = header(s);
        if (header == null) {
            return "KILN_JAVA_DEBUG_ABSENT";
        }
        Matcher m = Pattern.compile("typedef struct " + s.cName() + " \\{(.*?)\\} " + s.cName() + ";", Pattern.DOTALL)
                .matcher(header);
        if (!m.find() || !Pattern.compile("\\bfld_" + field + ";").matcher(m.group(1)).find()) {
            return "KILN_JAVA_DEBUG_ABSENT";
        }
        return "offsetof(" + s.cName() + ", fld_" + field + ")";
    }

    private String staticField(Struct s, String cName) throws IOException {
        String header = header(s);
        if (header == null || !Pattern.compile("\\bextern [^;]*\\b" + cName + ";").matcher(header).find()) {
            return "KILN_JAVA_DEBUG_ABSENT";
        }
        return "(uint64_t) (uintptr_t) &" + cName;
    }

    /** The class's generated header (included once), or null if TeaVM did not compile the class. */
    private String header(Struct s) throws IOException {
        Path h = c.resolve(s.header());
        if (!Files.isRegularFile(h)) {
            return null;
        }
        String line = "#include \"" + s.header() + "\"\n";
        if (includes.indexOf(line) < 0) {
            includes.append(line);
        }
        return Files.readString(h);
    }
}
