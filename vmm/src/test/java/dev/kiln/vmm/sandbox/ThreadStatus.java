package dev.kiln.vmm.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the kernel says about this process's threads: /proc/self/task/TID/{comm,status}. */
public final class ThreadStatus {
    private ThreadStatus() {}

    /** The seccomp mode (0 none, 2 filter) of each live thread whose name starts with prefix (as Linux truncates it). */
    public static List<Integer> seccompModes(String namePrefix) throws IOException {
        String prefix = namePrefix.length() > 15 ? namePrefix.substring(0, 15) : namePrefix;
        List<Integer> modes = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (!Files.readString(task.resolve("comm")).strip().startsWith(prefix)) continue;
                    modes.add(seccompMode(Files.readString(task.resolve("status"))));
                } catch (NoSuchFileException e) {
                    // the thread ended while we looked
                }
            }
        }
        return modes;
    }

    /** The calling thread's seccomp mode. */
    public static int ownSeccompMode() throws IOException {
        return seccompMode(Files.readString(Path.of("/proc/thread-self/status")));
    }

    private static int seccompMode(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Seccomp:")) return Integer.parseInt(line.substring("Seccomp:".length()).strip());
        }
        throw new IllegalStateException("no Seccomp line in /proc status (a kernel without seccomp?)");
    }
}
