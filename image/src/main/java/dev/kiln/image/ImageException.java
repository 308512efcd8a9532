package dev.kiln.vmm;

/** The image file is not a valid Kiln native image; the message says what is wrong and where. */
public class ImageException extends VmmException {
    public ImageException(String message) {
        super(message);
    }
}
