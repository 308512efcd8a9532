package dev.kiln.libos.concurrent;

import java.io.IOException;
import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What ForkJoinTask.join/get rethrow when another thread threw: the JDK makes a new exception of
 * the same class with the original as its cause (through the class's public constructor taking a
 * Throwable, else its public no-argument one and initCause), so the stack trace shows the joining
 * thread. The JDK finds those constructors by reflection, which an image has not: this table
 * covers the java.base classes a task typically throws, each with the constructors the JDK has;
 * any other class (an application's own exceptions) is rethrown as it was thrown.
 */
public final class ForkJoinExceptions {
    private ForkJoinExceptions() {
    }

    public static Throwable copyForAnotherThread(Throwable ex) {
        Class<?> c = ex.getClass();
        Throwable copy;
        // classes with a public (Throwable) constructor
        if (c == RuntimeException.class) {
            copy = new RuntimeException(ex);
        } else if (c == IllegalStateException.class) {
            copy = new IllegalStateException(ex);
        } else if (c == IllegalArgumentException.class) {
            copy = new IllegalArgumentException(ex);
        } else if (c == UnsupportedOperationException.class) {
            copy = new UnsupportedOperationException(ex);
        } else if (c == NoSuchElementException.class) {
            copy = new NoSuchElementException(ex);
        } else if (c == ConcurrentModificationException.class) {
            copy = new ConcurrentModificationException(ex);
        } else if (c == CompletionException.class) {
            copy = new CompletionException(ex);
        } else if (c == Error.class) {
            copy = new Error(ex);
        } else if (c == Exception.class) {
            copy = new Exception(ex);
        } else if (c == IOException.class) {
            copy = new IOException(ex);
        } else if (c == ExecutionException.class) {
            copy = new ExecutionException(ex);
        // classes with only a public no-argument constructor of the two
        } else if (c == ArithmeticException.class) {
            copy = new ArithmeticException();
        } else if (c == NullPointerException.class) {
            copy = new NullPointerException();
        } else if (c == IndexOutOfBoundsException.class) {
            copy = new IndexOutOfBoundsException();
        } else if (c == ArrayIndexOutOfBoundsException.class) {
            copy = new ArrayIndexOutOfBoundsException();
        } else if (c == StringIndexOutOfBoundsException.class) {
            copy = new StringIndexOutOfBoundsException();
        } else if (c == ClassCastException.class) {
            copy = new ClassCastException();
        } else if (c == NumberFormatException.class) {
            copy = new NumberFormatException();
        } else if (c == NegativeArraySizeException.class) {
            copy = new NegativeArraySizeException();
        } else if (c == ArrayStoreException.class) {
            copy = new ArrayStoreException();
        } else if (c == CancellationException.class) {
            copy = new CancellationException();
        } else if (c == AssertionError.class) {
            copy = new AssertionError();
        } else if (c == StackOverflowError.class) {
            copy = new StackOverflowError();
        } else if (c == OutOfMemoryError.class) {
            copy = new OutOfMemoryError();
        } else if (c == InterruptedException.class) {
            copy = new InterruptedException();
        } else {
            // UncheckedIOException has neither; other classes are not known here
            return ex;
        }
        if (copy.getCause() == null) {
            try {
                copy.initCause(ex);
            } catch (RuntimeException e) {
                return ex;
            }
        }
        return copy;
    }
}
