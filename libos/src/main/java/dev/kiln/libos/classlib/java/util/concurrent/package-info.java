/**
 * java.util.concurrent for native images, where TeaVM's class library stops (it has the atomics,
 * ConcurrentHashMap, CopyOnWriteArrayList, TimeUnit, Callable and a few exceptions): executors,
 * futures, synchronizers, blocking and concurrent queues, mapped onto Kiln's green threads
 * (dev.kiln.libos.concurrent explains how). Interfaces repeat the JDK's for TeaVM; classes
 * implement the JDK's own interfaces, so javac checks their signatures.
 */
package dev.kiln.libos.classlib.java.util.concurrent;
