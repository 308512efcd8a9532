package dev.kiln.builder.nativeimage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.teavm.model.Instruction;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * Calls of class library methods that TeaVM 0.12.3 implements differently from the JDK become
 * calls of Kiln's static replacements in dev.kiln.rt (an instance method's receiver becomes the
 * first argument; every target class is final, so no override is bypassed). The replacements call
 * TeaVM's original and fix its result, so the owner classes themselves are left alone.
 */
final class CallRedirects {
    private record Redirect(MethodReference from, MethodReference to) {
    }

    private static final ValueType STRING = ValueType.object("java.lang.String");
    private static final ValueType LOCALE = ValueType.object("java.util.Locale");
    private static final ValueType SB = ValueType.object("java.lang.StringBuilder");
    private static final ValueType SBUF = ValueType.object("java.lang.StringBuffer");
    private static final ValueType THREAD = ValueType.object("java.lang.Thread");
    private static final ValueType RUNNABLE = ValueType.object("java.lang.Runnable");
    private static final String OF_VIRTUAL_CLASS = "java.lang.Thread$Builder$OfVirtual";
    private static final ValueType OF_VIRTUAL = ValueType.object(OF_VIRTUAL_CLASS);
    private static final String OF_PLATFORM_CLASS = "java.lang.Thread$Builder$OfPlatform";
    private static final ValueType OF_PLATFORM = ValueType.object(OF_PLATFORM_CLASS);
    private static final ValueType STRINGS = ValueType.arrayOf(STRING);
    private static final ValueType CHARS = ValueType.object("java.lang.CharSequence");
    private static final ValueType PATTERN = ValueType.object("java.util.regex.Pattern");

    private static final Map<MethodReference, MethodReference> REDIRECTS = List.of(
            // negative timeouts: IllegalArgumentException as in the JDK
            new Redirect(new MethodReference("java.lang.Thread", "sleep", ValueType.LONG, ValueType.VOID),
                    Ir.rt("KilnThreads", "sleep", ValueType.LONG, ValueType.VOID)),
            // virtual threads (green threads here, as every thread) and JDK 19+ Thread methods TeaVM lacks
            // (the builder's factories are static methods of libos's Thread.Builder.OfVirtual, which TeaVM
            // loads as class library: its own name and its siblings' are java.lang's there)
            new Redirect(new MethodReference("java.lang.Thread", "ofVirtual", OF_VIRTUAL),
                    new MethodReference(OF_VIRTUAL_CLASS, "kilnOfVirtual", OF_VIRTUAL)),
            new Redirect(new MethodReference("java.lang.Thread", "ofPlatform", OF_PLATFORM),
                    new MethodReference(OF_PLATFORM_CLASS, "kilnOfPlatform", OF_PLATFORM)),
            new Redirect(new MethodReference("java.lang.Thread", "startVirtualThread", RUNNABLE, THREAD),
                    new MethodReference(OF_VIRTUAL_CLASS, "kilnStartVirtualThread", RUNNABLE, THREAD)),
            new Redirect(new MethodReference("java.lang.Thread", "isVirtual", ValueType.BOOLEAN),
                    Ir.rt("KilnThreads", "isVirtual", THREAD, ValueType.BOOLEAN)),
            new Redirect(new MethodReference("java.lang.Thread", "threadId", ValueType.LONG),
                    Ir.rt("KilnThreads", "threadId", THREAD, ValueType.LONG)),
            new Redirect(new MethodReference("java.lang.Thread", "onSpinWait", ValueType.VOID),
                    Ir.rt("KilnThreads", "onSpinWait", ValueType.VOID)),
            // surrogate pairs stay in order
            new Redirect(new MethodReference("java.lang.StringBuilder", "reverse", SB),
                    Ir.rt("KilnStrings", "reverse", SB, SB)),
            new Redirect(new MethodReference("java.lang.StringBuffer", "reverse", SBUF),
                    Ir.rt("KilnStrings", "reverse", SBUF, SBUF)),
            // Unicode's special casing ("ß" -> "SS", final sigma)
            new Redirect(new MethodReference("java.lang.String", "toUpperCase", STRING),
                    Ir.rt("KilnStrings", "toUpperCase", STRING, STRING)),
            new Redirect(new MethodReference("java.lang.String", "toUpperCase", LOCALE, STRING),
                    Ir.rt("KilnStrings", "toUpperCase", STRING, LOCALE, STRING)),
            new Redirect(new MethodReference("java.lang.String", "toLowerCase", STRING),
                    Ir.rt("KilnStrings", "toLowerCase", STRING, STRING)),
            new Redirect(new MethodReference("java.lang.String", "toLowerCase", LOCALE, STRING),
                    Ir.rt("KilnStrings", "toLowerCase", STRING, LOCALE, STRING)),
            // the JDK 8+ rules: no leading empty string before a zero-width match at the start
            new Redirect(new MethodReference("java.lang.String", "split", STRING, STRINGS),
                    Ir.rt("KilnSplit", "split", STRING, STRING, STRINGS)),
            new Redirect(new MethodReference("java.lang.String", "split", STRING, ValueType.INTEGER, STRINGS),
                    Ir.rt("KilnSplit", "split", STRING, STRING, ValueType.INTEGER, STRINGS)),
            new Redirect(new MethodReference("java.util.regex.Pattern", "split", CHARS, STRINGS),
                    Ir.rt("KilnSplit", "split", PATTERN, CHARS, STRINGS)),
            new Redirect(new MethodReference("java.util.regex.Pattern", "split", CHARS, ValueType.INTEGER, STRINGS),
                    Ir.rt("KilnSplit", "split", PATTERN, CHARS, ValueType.INTEGER, STRINGS)))
            .stream().collect(Collectors.toMap(Redirect::from, Redirect::to));

    private static final java.util.Set<String> OWNERS = REDIRECTS.keySet().stream()
            .map(MethodReference::getClassName).collect(Collectors.toSet());

    private CallRedirects() {
    }

    /** Whether a class may have its calls redirected (not the owners: the replacements call into them). */
    static boolean appliesTo(String className) {
        return !OWNERS.contains(className);
    }

    static void apply(Program program) {
        for (Instruction insn : Ir.instructions(program)) {
            if (!(insn instanceof InvokeInstruction call)) {
                continue;
            }
            MethodReference to = REDIRECTS.get(call.getMethod());
            if (to == null) {
                continue;
            }
            List<Variable> args = new java.util.ArrayList<>();
            if (call.getInstance() != null) {
                args.add(call.getInstance());
            }
            args.addAll(call.getArguments());
            call.setInstance(null);
            call.setType(InvocationType.SPECIAL);
            call.setMethod(to);
            call.setArguments(args.toArray(new Variable[0]));
        }
    }
}
