package dev.kiln.builder.nativeimage;

import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.util.ProgramUtils;

/**
 * ArrayList's list iterator (TeaVM's AbstractList.listIterator) counts what its add() inserts.
 * TeaVM's iterator keeps the list's size in a field {@code sz} for hasNext(), and add() left it as
 * it was: after an add, the iteration stopped one element early, so a loop that inserts while it
 * walks the list missed its last element (conformance library/LibArrayList). add keeps its body
 * under add$uncounted; add now calls it and then counts the new element.
 */
final class ListIteratorRewrite {
    static final String LIST_ITERATOR = "java.util.AbstractList$TListIteratorImpl";
    private static final MethodDescriptor ADD = new MethodDescriptor("add", ValueType.object("java.lang.Object"), ValueType.VOID);

    private ListIteratorRewrite() {
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder old = cls.getMethod(ADD);
        if (old == null || old.getProgram() == null || cls.getField("sz") == null) {
            throw new IllegalStateException(LIST_ITERATOR + " is not as Kiln knows it: TeaVM's class library changed");
        }
        MethodHolder uncounted = new MethodHolder("add$uncounted", ADD.getSignature());
        uncounted.setLevel(AccessLevel.PRIVATE);
        uncounted.setProgram(ProgramUtils.copy(old.getProgram()));
        cls.removeMethod(old);
        cls.addMethod(uncounted);

        MethodHolder method = new MethodHolder(ADD);
        method.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter self = pe.var(0, ValueType.object(LIST_ITERATOR));
        self.invokeSpecial(uncounted.getName(), pe.var(1, ValueType.object("java.lang.Object")));
        self.setField("sz", self.getField("sz", ValueType.INTEGER).add(1));
        pe.exit();
        cls.addMethod(method);
    }
}
