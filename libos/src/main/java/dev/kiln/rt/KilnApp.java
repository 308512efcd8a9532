package dev.kiln.rt;

/**
 * Stand-in for the application's main class. The builder replaces this class file in
 * every image with one whose main calls the application's main.
 */
final class KilnApp {
    private KilnApp() {
    }

    static void main(String[] args) {
        throw new IllegalStateException("kiln: the builder did not generate the application's entry point");
    }
}
