package dev.kiln.libos.classlib.java.util.concurrent;

public interface TThreadFactory {
    Thread newThread(Runnable r);
}
