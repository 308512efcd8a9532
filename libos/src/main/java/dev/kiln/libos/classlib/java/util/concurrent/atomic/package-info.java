/**
 * The atomics TeaVM's class library lacks (adders, accumulators, arrays, stamped and marked
 * references). With one vCPU and switches only where a thread blocks, a plain field update is
 * already atomic: these are the JDK's API over plain fields.
 */
package dev.kiln.libos.classlib.java.util.concurrent.atomic;
