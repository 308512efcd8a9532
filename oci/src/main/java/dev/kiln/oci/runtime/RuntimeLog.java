package dev.kiln.oci.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.oci.image.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * kiln-oci's --log file as runc writes it with --log-format json: one logrus object per line,
 * {@code {"level":"error","msg":"...","time":"..."}}. containerd's shim reads the last
 * error-level message of this file to say why a create failed; podman's conmon shows
 * stderr, which gets the same line as text.
 */
final class RuntimeLog {
    private final Path file;
    private final boolean json;

    RuntimeLog(Path file, String format) {
        this.file = file;
        this.json = !"text".equals(format);
    }

    void error(String message) {
        System.err.println("kiln-oci: " + message);
        write("error", message);
    }

    void info(String message) {
        write("info", message);
    }

    private void write(String level, String message) {
        if (file == null) return;
        String line;
        String time = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        if (json) {
            ObjectNode o = Json.object();
            o.put("level", level);
            o.put("msg", message);
            o.put("time", time);
            line = Json.write(o) + "\n";
        } else {
            line = "time=\"" + time + "\" level=" + level + " msg=\"" + message.replace("\"", "\\\"") + "\"\n";
        }
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("kiln-oci: cannot write the log " + file + ": " + e.getMessage());
        }
    }
}
