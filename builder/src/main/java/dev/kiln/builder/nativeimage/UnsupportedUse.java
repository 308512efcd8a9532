package dev.kiln.builder.nativeimage;

import org.objectweb.asm.Type;

/**
 * One use, at one call site, of an API a native image does not have: a JDK class or member missing
 * from Kiln's class library, a call the image cannot make (reflection, class loading, JNI), or a
 * problem TeaVM reported. {@link UnsupportedApiReport} groups them by class.
 *
 * @param className the class used, binary name ("java.awt.Point"); {@link #JNI} for native methods,
 *                  null for a problem TeaVM described only in words
 * @param member    the member used as the report shows it ("lines()", "new UUID(long, long)", "out"), or
 *                  null for the class itself (a cast, a class literal, a supertype)
 * @param jvmMember the member as the JVM names it ("lines()Ljava/util/stream/Stream;", a field's name), or
 *                  null: what {@link UnsupportedApiScan#confirmed} looks up again in TeaVM's view
 */
record UnsupportedUse(String className, String member, Reason reason, CallSite site, String jvmMember) {
    /** The pseudo-class under which native (JNI) methods are listed. */
    static final String JNI = "JNI";

    UnsupportedUse(String className, String member, Reason reason, CallSite site) {
        this(className, member, reason, site, null);
    }

    enum Reason {
        MISSING_CLASS("not in Kiln's class library"),
        MISSING_MEMBER("members missing from Kiln's class library"),
        REFUSED_CALL("calls a native image cannot make"),
        NOT_IN_INPUT("neither in the input nor a JDK class: is a jar missing from the input?"),
        NATIVE_METHOD("native methods cannot be compiled into an image"),
        OTHER("problems TeaVM reported");

        final String heading;

        Reason(String heading) {
            this.heading = heading;
        }
    }

    /** Where: class and method (null for the class declaration itself), source file and line (-1 if unknown). */
    record CallSite(String className, String method, String file, int line) {
        @Override
        public String toString() {
            String where = method == null ? className : className + "." + method;
            return "at " + where + "(" + (file != null ? file : "unknown source") + (line > 0 ? ":" + line : "") + ")";
        }
    }

    /** "lines()", "new UUID(long, long)": a method as a Java programmer writes it, from its JVM descriptor. */
    static String method(String className, String name, String descriptor) {
        StringBuilder b = new StringBuilder();
        if (name.equals("<init>")) {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            b.append("new ").append(simple.substring(simple.lastIndexOf('$') + 1));
        } else {
            b.append(name);
        }
        b.append('(');
        try {
            Type[] args = Type.getArgumentTypes(descriptor);
            for (int i = 0; i < args.length; i++) {
                String t = args[i].getClassName();
                b.append(i > 0 ? ", " : "").append(t.substring(t.lastIndexOf('.') + 1));
            }
        } catch (RuntimeException e) { // a malformed descriptor from the input: shown as it is
            b.append(descriptor);
        }
        return b.append(')').toString();
    }
}
