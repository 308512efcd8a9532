package kv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Counters over TCP, one connection at a time: each line "INCR NAME" or "GET NAME" gets one
 * line back, the counter's value. The port is argument 1, else 7000. State lives in fields, not in
 * locals kept across a blocking call (docs/net.md: a TeaVM miscompile of those).
 */
public final class Kv {
    static final Map<String, Long> COUNTERS = new HashMap<>();
    static Socket client;
    static InputStream in;
    static OutputStream out;
    static final StringBuilder LINE = new StringBuilder();

    private Kv() {}

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7000;
        ServerSocket server = new ServerSocket(port, 16);
        System.out.println("kv listening on port " + port);
        while (true) {
            client = server.accept();
            try {
                serve();
            } catch (IOException e) {
                System.out.println("kv: connection ended: " + e.getMessage());
            }
            client.close();
        }
    }

    static void serve() throws IOException {
        in = client.getInputStream();
        out = client.getOutputStream();
        LINE.setLength(0);
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\r') continue;
            if (b != '\n') {
                LINE.append((char) b);
                continue;
            }
            out.write((answer(LINE.toString()) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            LINE.setLength(0);
        }
    }

    static String answer(String line) {
        String[] words = line.trim().split(" ");
        if (words.length != 2) return "ERR expected INCR NAME or GET NAME";
        long value = COUNTERS.getOrDefault(words[1], 0L);
        switch (words[0]) {
            case "INCR":
                COUNTERS.put(words[1], ++value);
                System.out.println("kv: " + words[1] + " = " + value);
                return Long.toString(value);
            case "GET":
                return Long.toString(value);
            default:
                return "ERR unknown command " + words[0];
        }
    }
}
