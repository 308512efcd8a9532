package dev.kiln.libos.teavm;

import org.teavm.extension.spi.substitution.SimpleSubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

/**
 * Kiln's class library for native images: a class java.X.Y is looked up as
 * dev.kiln.libos.classlib.java.X.TY too, so application code that uses java.net.Socket is
 * compiled against dev.kiln.libos.classlib.java.net.TSocket, and that class's references to its
 * siblings become java.net.* again. TeaVM (0.16) finds this policy through
 * META-INF/services/org.teavm.extension.spi.substitution.SubstitutionPolicy, as it finds its own
 * class library's (org.teavm.classlib.impl.ClasslibSubstitutionPolicy: java.X.Y to
 * org.teavm.classlib.java.X.TY); the first policy with a class of the substitute name wins.
 * Two names are in both libraries on purpose, java.util.concurrent.ArrayBlockingQueue and
 * LinkedBlockingDeque (TeaVM's have other messages, and its LinkedBlockingDeque never blocks):
 * libos's win, which conformance programs ConcBlockingQueues and ConcBlockingDeque check.
 *
 * <p>com.sun.net.httpserver (the jdk.httpserver module's public API) is mapped the same way, to
 * dev.kiln.libos.classlib.com.sun.net.httpserver.TX: TeaVM's library has no such classes, and the
 * builder hides the host JDK's own (WithoutHostJdk), so without this an application using
 * HttpServer could not be built. Only that package: its implementation in the JDK
 * (sun.net.httpserver) is never looked up, and com.sun.net.httpserver.spi is not provided.
 */
public final class KilnSubstitutionPolicy extends SimpleSubstitutionPolicy {
    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses(inPackage("java", true))
                .packagePrefix("dev.kiln.libos.classlib.")
                .simpleNamePrefix("T");
        sink.selectClasses(inPackage("com.sun.net.httpserver", false))
                .packagePrefix("dev.kiln.libos.classlib.")
                .simpleNamePrefix("T");
    }
}
