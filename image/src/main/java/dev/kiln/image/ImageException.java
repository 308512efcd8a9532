package dev.kiln.image;

/**
 * An image file (or its manifest) that Kiln refuses: the message says what is wrong and where, in
 * one line, for the user. Every reader of untrusted image bytes throws only this for bad input.
 */
public class ImageException extends RuntimeException {
    public ImageException(String message) {
        super(message);
    }
}
