package dev.kiln.builder.nativeimage;

import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * Files and resources in native images (libos's dev.kiln.libos.fs). TeaVM's C backend gives
 * java.io and java.nio.file a VirtualFileSystem over the host's file API (its own transformer
 * writes {@code VirtualFileSystemProvider.create()}), which an image does not have; and it
 * points {@code ClassLoader.getResourceAsStream} at its C resources by bare name. Kiln's
 * transformer runs after the C target's, so these bodies replace TeaVM's:
 * <ul>
 * <li>{@code VirtualFileSystemProvider.create()} returns libos's {@code ImageFileSystem} (the
 *     build-time tree, /tmp, nothing else);</li>
 * <li>{@code ClassLoader.getResourceAsStream(name)} returns {@code AppResources.open(name)} (the
 *     application's resources, under the builder's prefix).</li>
 * </ul>
 * Both are compiled only into images that reach them.
 */
final class FilesRewrite {
    static final String PROVIDER = "org.teavm.runtime.fs.VirtualFileSystemProvider";
    static final String CLASS_LOADER = "java.lang.ClassLoader";
    private static final String FILE_SYSTEM = "dev.kiln.libos.fs.ImageFileSystem";
    private static final String RESOURCES = "dev.kiln.libos.fs.AppResources";

    private FilesRewrite() {
    }

    static void fileSystem(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder create = cls.getMethod(new MethodDescriptor("create",
                ValueType.object("org.teavm.runtime.fs.VirtualFileSystem")));
        if (create == null) {
            throw new IllegalStateException("TeaVM's VirtualFileSystemProvider has no create() for Kiln to replace:"
                    + " this TeaVM version differs from the one Kiln was written for (0.16.0)");
        }
        create.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(create, context.getHierarchy());
        pe.construct(FILE_SYSTEM).returnValue();
    }

    static final String READER = "java.io.Reader";
    static final String NIO_PROVIDER = "java.nio.file.impl.DefaultFileSystemProvider";
    private static final String CHECKS = "dev.kiln.libos.fs.WriteChecks";

    /**
     * TeaVM's java.nio.file provider, on the read-only tree: newOutputStream took the missing
     * accessor for a writable one (NullPointerException), createDirectory and delete failed
     * without saying why. Each now asks libos's WriteChecks first, which throws what Linux reports.
     */
    static void nioWriteChecks(ClassHolder cls, ClassHolderTransformerContext context) {
        ValueType path = ValueType.object("java.nio.file.Path");
        guard(cls, context, new MethodDescriptor("newOutputStream", path,
                ValueType.arrayOf(ValueType.object("java.nio.file.OpenOption")),
                ValueType.object("java.io.OutputStream")), "beforeWrite");
        guard(cls, context, new MethodDescriptor("createDirectory", path,
                ValueType.arrayOf(ValueType.object("java.nio.file.attribute.FileAttribute")), ValueType.VOID),
                "beforeCreate");
        guard(cls, context, new MethodDescriptor("delete", path, ValueType.VOID), "beforeDelete");
        readOptions(cls, context);
    }

    /**
     * TeaVM's newInputStream refuses every option, READ included (its test is {@code option != READ
     * || option != NOFOLLOW_LINKS}): the options are checked by libos's {@code WriteChecks.readOptions}
     * (READ and NOFOLLOW_LINKS pass, APPEND and WRITE are the JDK's IllegalArgumentException) and
     * the original is called without them.
     */
    private static void readOptions(ClassHolder cls, ClassHolderTransformerContext context) {
        ValueType path = ValueType.object("java.nio.file.Path");
        ValueType options = ValueType.arrayOf(ValueType.object("java.nio.file.OpenOption"));
        ValueType stream = ValueType.object("java.io.InputStream");
        MethodDescriptor desc = new MethodDescriptor("newInputStream", path, options, stream);
        MethodHolder method = cls.getMethod(desc);
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException("TeaVM's java.nio.file provider has no " + desc + " for Kiln to fix:"
                    + " this TeaVM version differs from the one Kiln was written for (0.16.0)");
        }
        MethodHolder original = new MethodHolder("kilnNewInputStream", path, options, stream);
        original.setLevel(AccessLevel.PRIVATE);
        original.setProgram(method.getProgram());
        method.setProgram(null);
        cls.addMethod(original);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        org.teavm.model.emit.ValueEmitter none = pe.invoke(CHECKS, "readOptions", options, pe.var(2, options));
        pe.var(0, ValueType.object(cls.getName())).invokeSpecial(cls.getName(), original.getName(), stream,
                pe.var(1, path), none).returnValue();
    }

    /** {@code method(path, ...)} becomes {@code WriteChecks.check(path); return kilnMethod(path, ...)}. */
    private static void guard(ClassHolder cls, ClassHolderTransformerContext context, MethodDescriptor desc,
            String check) {
        MethodHolder method = cls.getMethod(desc);
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException("TeaVM's java.nio.file provider has no " + desc + " for Kiln to guard:"
                    + " this TeaVM version differs from the one Kiln was written for (0.16.0)");
        }
        ValueType[] sig = desc.getSignature();
        MethodHolder original = new MethodHolder("kiln" + Character.toUpperCase(desc.getName().charAt(0))
                + desc.getName().substring(1), sig);
        original.setLevel(AccessLevel.PRIVATE);
        original.setProgram(method.getProgram());
        method.setProgram(null);
        cls.addMethod(original);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        org.teavm.model.emit.ValueEmitter[] args = new org.teavm.model.emit.ValueEmitter[sig.length - 1];
        for (int i = 0; i < args.length; i++) {
            args[i] = pe.var(i + 1, sig[i]);
        }
        pe.invoke(CHECKS, check, ValueType.VOID, args[0]);
        ValueType result = desc.getResultType();
        if (result == ValueType.VOID) {
            pe.var(0, ValueType.object(cls.getName())).invokeSpecial(cls.getName(), original.getName(), args);
            pe.exit();
        } else {
            pe.var(0, ValueType.object(cls.getName())).invokeSpecial(cls.getName(), original.getName(), result, args)
                    .returnValue();
        }
    }

    static final String FILE = "java.io.File";

    /**
     * {@code Reader.transferTo(Writer)} (Java 10), which TeaVM's Reader lacks and its own
     * {@code Files.readString} calls: added, delegating to libos's {@code JdkAdditions}.
     */
    static void readerTransferTo(ClassHolder cls, ClassHolderTransformerContext context) {
        addInstanceDelegate(cls, context, new MethodDescriptor("transferTo", ValueType.object("java.io.Writer"),
                ValueType.LONG), "readerTransferTo");
    }

    /** {@code File.toPath()} (Java 7), which TeaVM's File lacks: added, delegating to libos's {@code JdkAdditions}. */
    static void fileToPath(ClassHolder cls, ClassHolderTransformerContext context) {
        addInstanceDelegate(cls, context, new MethodDescriptor("toPath", ValueType.object("java.nio.file.Path")),
                "fileToPath");
    }

    static final String FILES = "java.nio.file.Files";

    /**
     * TeaVM's {@code Files.find} concatenates a null stream for every path its matcher refuses
     * (NullPointerException) and every directory's own entry twice: its body becomes libos's
     * {@code JdkAdditions.filesFind}, a walk filtered by the matcher.
     */
    static void filesFind(ClassHolder cls, ClassHolderTransformerContext context) {
        ValueType path = ValueType.object("java.nio.file.Path");
        ValueType[] sig = {path, ValueType.INTEGER, ValueType.object("java.util.function.BiPredicate"),
                ValueType.arrayOf(ValueType.object("java.nio.file.FileVisitOption")),
                ValueType.object("java.util.stream.Stream")};
        MethodHolder find = cls.getMethod(new MethodDescriptor("find", sig));
        if (find == null || find.getProgram() == null) {
            throw new IllegalStateException("TeaVM's Files has no find(Path, int, BiPredicate, FileVisitOption...)"
                    + " for Kiln to replace: this TeaVM version differs from the one Kiln was written for (0.16.0)");
        }
        find.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(find, context.getHierarchy());
        pe.invoke("dev.kiln.libos.fs.JdkAdditions", "filesFind", sig[4], pe.var(1, sig[0]), pe.var(2, sig[1]),
                pe.var(3, sig[2]), pe.var(4, sig[3])).returnValue();
    }

    /** Adds {@code desc} to {@code cls} unless it has it: {@code return JdkAdditions.delegate(this, args...)}. */
    private static void addInstanceDelegate(ClassHolder cls, ClassHolderTransformerContext context,
            MethodDescriptor desc, String delegate) {
        if (cls.getMethod(desc) != null) {
            return;
        }
        MethodHolder method = new MethodHolder(desc);
        method.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueType[] sig = desc.getSignature();
        org.teavm.model.emit.ValueEmitter[] args = new org.teavm.model.emit.ValueEmitter[sig.length];
        args[0] = pe.var(0, ValueType.object(cls.getName()));
        for (int i = 1; i < args.length; i++) {
            args[i] = pe.var(i, sig[i - 1]);
        }
        pe.invoke("dev.kiln.libos.fs.JdkAdditions", delegate, desc.getResultType(), args).returnValue();
        cls.addMethod(method);
    }

    static void resources(ClassHolder cls, ClassHolderTransformerContext context) {
        ValueType stream = ValueType.object("java.io.InputStream");
        ValueType string = ValueType.object("java.lang.String");
        MethodHolder get = cls.getMethod(new MethodDescriptor("getResourceAsStream", string, stream));
        if (get == null) {
            throw new IllegalStateException("TeaVM's ClassLoader has no getResourceAsStream(String) for Kiln to"
                    + " replace: this TeaVM version differs from the one Kiln was written for (0.16.0)");
        }
        get.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(get, context.getHierarchy());
        pe.invoke(RESOURCES, "open", stream, pe.var(1, string)).returnValue();
    }
}
