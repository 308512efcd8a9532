package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HotSpot's messages for the checks TeaVM's C code makes inline: TeaVM 0.16.0's runtime headers,
 * as it writes them beside the generated C, are edited so that a failed bounds check passes the
 * index and the array's length on, and a failed checkcast the two classes, to guest/runtime/checks.c
 * (kiln/checks.h), which records them before calling TeaVM's thrower. dev.kiln.rt.KilnCheckMessages
 * builds the message from them ({@link CheckMessageRewrite} points TeaVM's throwers there).
 *
 * <p>Each edit replaces an exact piece of TeaVM's text and the build fails when that text is not
 * there exactly once: a TeaVM whose headers changed must be looked at, not silently lose the messages.
 * The lower-bound-only check ({@code teavm_checkLowerBound(index)}, no array to name the length
 * of) is never emitted: {@link BoundCheckArrays} gives every such check its array, and the header's
 * function becomes a compile-time error should any call remain.
 */
final class RuntimeHeaderPatch {
    private record Edit(String file, String from, String to) {
    }

    private static final String INCLUDE = "#include <kiln/checks.h> /* Kiln: RuntimeHeaderPatch */\n";

    private static final List<Edit> EDITS = List.of(
            new Edit("core.h", "#include \"core_defs.h\"\n", "#include \"core_defs.h\"\n" + INCLUDE),
            new Edit("core.h",
                    "return obj == NULL || fn((TeaVM_Class*) cls, TEAVM_CLASS_OF(obj)) ? obj : teavm_throwClassCastException();",
                    "return obj == NULL || fn((TeaVM_Class*) cls, TEAVM_CLASS_OF(obj)) ? obj\n"
                            + "            : kiln_throw_class_cast(TEAVM_CLASS_OF(obj), cls);"),
            new Edit("exceptions.h",
                    "    inline static int32_t teavm_checkBounds(int32_t index, void* array) {\n"
                    + "        if (index < 0 || index >= TEAVM_ARRAY_LENGTH(array)) {\n"
                    + "            teavm_throwArrayIndexOutOfBoundsException();\n",
                    "    inline static int32_t teavm_checkBounds(int32_t index, void* array) {\n"
                    + "        if (index < 0 || index >= TEAVM_ARRAY_LENGTH(array)) {\n"
                    + "            kiln_throw_array_index(index, TEAVM_ARRAY_LENGTH(array));\n"),
            new Edit("exceptions.h",
                    "    inline static int32_t teavm_checkUpperBound(int32_t index, void* array) {\n"
                    + "        if (index >= TEAVM_ARRAY_LENGTH(array)) {\n"
                    + "            teavm_throwArrayIndexOutOfBoundsException();\n",
                    "    inline static int32_t teavm_checkUpperBound(int32_t index, void* array) {\n"
                    + "        if (index >= TEAVM_ARRAY_LENGTH(array)) {\n"
                    + "            kiln_throw_array_index(index, TEAVM_ARRAY_LENGTH(array));\n"),
            new Edit("exceptions.h",
                    "    inline static int32_t teavm_checkLowerBound(int32_t index) {\n"
                    + "        if (index < 0) {\n"
                    + "            teavm_throwArrayIndexOutOfBoundsException();\n"
                    + "            TEAVM_UNREACHABLE\n"
                    + "        }\n"
                    + "        return index;\n"
                    + "    }\n",
                    "    /* Kiln (RuntimeHeaderPatch): BoundCheckArrays gives every lower-bound check its array. */\n"
                    + "    extern int32_t teavm_checkLowerBound(int32_t index) __attribute__((error(\n"
                    + "            \"a bounds check without its array: Kiln's BoundCheckArrays missed it\")));\n"),
            new Edit("exceptions.h", "#include \"core.h\"\n", "#include \"core.h\"\n" + INCLUDE));

    private RuntimeHeaderPatch() {
    }

    static void apply(Path c) throws IOException, NativeBuildException {
        for (Edit e : EDITS) {
            Path file = c.resolve(e.file());
            if (!Files.isRegularFile(file)) {
                throw changed(e, "TeaVM's C output has no " + e.file());
            }
            String text = Files.readString(file);
            int at = text.indexOf(e.from());
            if (at < 0 || text.indexOf(e.from(), at + 1) >= 0) {
                throw changed(e, e.file() + (at < 0 ? " lacks" : " has more than once") + " the text Kiln edits:\n"
                        + e.from());
            }
            Files.writeString(file, text.substring(0, at) + e.to() + text.substring(at + e.from().length()));
        }
    }

    private static NativeBuildException changed(Edit e, String what) {
        return new NativeBuildException(what + "\n(this TeaVM's runtime headers differ from 0.16.0's, for which"
                + " Kiln's RuntimeHeaderPatch passes bounds and cast failures to guest/runtime/checks.c)");
    }
}
