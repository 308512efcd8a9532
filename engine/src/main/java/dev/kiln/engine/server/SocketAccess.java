package dev.kiln.engine.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who may talk to the daemon: whoever may open its socket, as with docker.sock. Being let in
 * means being able to run VMs (and, for root's daemon, to make it read any file as an image),
 * so root's socket is 0660 with the group {@code kiln} (members may use it; the group is not
 * created: `groupadd --system kiln` is the administrator's decision), and a user's daemon's
 * socket is 0600 in that user's runtime directory. A directory the daemon creates for its
 * socket is 0750 (group kiln) or 0700, so the socket is never reachable with looser modes
 * between its creation and its chmod.
 *
 * @param group the group let in (root's daemon), or null for the owner only
 */
public record SocketAccess(String group) {
    public static final String DEFAULT_GROUP = "kiln";

    /** Creates the socket's directory if it is missing (an existing one is left as it is). */
    public void prepareDirectory(Path dir, Consumer<String> log) throws IOException {
        if (Files.isDirectory(dir)) return;
        Files.createDirectories(dir.getParent());
        GroupPrincipal g = group == null ? null : lookup(group, log);
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (g != null) {
            Files.getFileAttributeView(dir, PosixFileAttributeView.class).setGroup(g);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        }
    }

    /** Sets the socket's mode and group. */
    public String apply(Path socket, Consumer<String> log) throws IOException {
        if (group == null) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            return "mode 0600 (only this user)";
        }
        GroupPrincipal g = lookup(group, log);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-rw----");
        if (g != null) Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(g);
        Files.setPosixFilePermissions(socket, mode);
        return g != null ? "mode 0660, group " + group : "mode 0660, group " + Files.readAttributes(socket,
                java.nio.file.attribute.PosixFileAttributes.class).group().getName() + " (group " + group + " does not exist)";
    }

    private static GroupPrincipal lookup(String group, Consumer<String> log) throws IOException {
        try {
            return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            log.accept("the group " + group + " does not exist, so only root may use the socket (`groupadd --system "
                    + group + "` and add users to it to let them in)");
            return null;
        }
    }
}
