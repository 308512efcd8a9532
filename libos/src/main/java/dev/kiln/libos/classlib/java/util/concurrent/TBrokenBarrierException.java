package dev.kiln.libos.classlib.java.util.concurrent;

public class TBrokenBarrierException extends Exception {
    public TBrokenBarrierException() {
    }

    public TBrokenBarrierException(String message) {
        super(message);
    }

}
