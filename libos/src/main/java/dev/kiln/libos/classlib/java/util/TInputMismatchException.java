package dev.kiln.libos.classlib.java.util;

import java.util.NoSuchElementException;

/** java.util.InputMismatchException (Scanner's), which TeaVM's class library lacks. */
public class TInputMismatchException extends NoSuchElementException {
    private static final long serialVersionUID = 8811230760997066428L;

    public TInputMismatchException() {
    }

    public TInputMismatchException(String message) {
        super(message);
    }
}
