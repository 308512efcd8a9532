package dev.kiln.libos.socket;

/** Something a blocking call waits for: a socket becoming readable, writable, connected... */
public interface Waitable {
    int READ = 1;
    int WRITE = 2;
    int CONNECT = 3;
    int ACCEPT = 4;
    /** The interface has an address (DHCP): a connect or send waits for one. */
    int ADDRESS = 5;

    /** True when the call waiting with this interest can go on (or fail): never blocks. */
    boolean isReady(int interest);
}
