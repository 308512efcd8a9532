/**
 * The machinery behind Kiln's java.util.concurrent (dev.kiln.libos.classlib.java.util.concurrent).
 * An image runs its green threads on one vCPU and switches between them only where a thread
 * blocks (a monitor, wait, sleep, a socket), so a compare-and-set is atomic by construction and
 * every blocking structure here is a Java monitor with wait/notifyAll: TeaVM's monitors park
 * and resume green threads on the event loop, with timeouts and interruption.
 */
package dev.kiln.libos.concurrent;
