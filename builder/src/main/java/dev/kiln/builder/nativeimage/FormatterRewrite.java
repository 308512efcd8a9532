package dev.kiln.builder.nativeimage;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.FieldHolder;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * java.util.Formatter: TeaVM 0.12.3's FormatWriter knows only b, h, s, c, d, o, x and f (no %%, %n,
 * %e, %g) and rounds half-even; its write() now hands the whole format string to
 * dev.kiln.rt.KilnFormat, which interprets it as the JDK does. The rest of TeaVM's Formatter (its
 * constructors, the Appendable it writes to, its IOException handling) stays.
 */
final class FormatterRewrite {
    static final String FORMAT_WRITER = "java.util.Formatter$FormatWriter";
    private static final String[] FIELDS = {"formatter", "out", "locale", "format", "args"};

    private FormatterRewrite() {
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder write = cls.getMethod(new MethodDescriptor("write", ValueType.VOID));
        if (write == null || write.getProgram() == null) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's " + FORMAT_WRITER
                    + " did not find write() (a TeaVM version Kiln does not know?)");
        }
        ValueEmitter[] args = new ValueEmitter[FIELDS.length];
        write.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(write, context.getHierarchy());
        ValueEmitter self = pe.var(0, ValueType.object(cls.getName()));
        for (int i = 0; i < FIELDS.length; i++) {
            FieldHolder field = cls.getField(FIELDS[i]);
            if (field == null) {
                throw new IllegalStateException("Kiln's rewrite of TeaVM's " + FORMAT_WRITER + " did not find its field "
                        + FIELDS[i]);
            }
            args[i] = self.getField(FIELDS[i], field.getType());
        }
        pe.invoke(Ir.RT + "KilnFormat", "write", args);
        pe.exit();
    }
}
