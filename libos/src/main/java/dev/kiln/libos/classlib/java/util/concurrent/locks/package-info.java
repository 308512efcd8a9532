/**
 * java.util.concurrent.locks for native images (TeaVM's class library has none): locks built on
 * Java monitors, which TeaVM implements on Kiln's green threads. The interfaces repeat the JDK's
 * (TeaVM compiles against them); the classes implement the JDK's own, so javac checks them.
 */
package dev.kiln.libos.classlib.java.util.concurrent.locks;
