package dev.kiln.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket's and its directory's modes for a user's daemon (owner only) and root's (a group). */
class SocketAccessTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.readAttributes(p, PosixFileAttributes.class).permissions());
    }

    private static String group(Path p) throws Exception {
        return Files.readAttributes(p, PosixFileAttributes.class).group().getName();
    }

    @Test
    void aUsersSocketIsTheUsersAlone() throws Exception {
        List<String> log = new ArrayList<>();
        SocketAccess user = new SocketAccess(null);
        Path sockDir = dir.resolve("run").resolve("kiln");
        user.prepareDirectory(sockDir, log::add);
        assertEquals("rwx------", mode(sockDir));
        Path sock = sockDir.resolve("kiln.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            assertEquals("mode 0600 (only this user)", user.apply(sock, log::add));
            assertEquals("rw-------", mode(sock));
        }
        assertEquals(List.of(), log);
    }

    @Test
    void rootsSocketLetsInItsGroup() throws Exception {
        List<String> log = new ArrayList<>();
        SocketAccess grouped = new SocketAccess("users"); // a group every Debian system has
        Path sockDir = dir.resolve("kiln");
        grouped.prepareDirectory(sockDir, log::add);
        assertEquals("rwxr-x---", mode(sockDir));
        assertEquals("users", group(sockDir));
        Path sock = sockDir.resolve("kiln.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            assertEquals("mode 0660, group users", grouped.apply(sock, log::add));
            assertEquals("rw-rw----", mode(sock));
            assertEquals("users", group(sock));
        }
        SocketAccess missing = new SocketAccess("kiln-no-such-group-" + ProcessHandle.current().pid());
        Path other = dir.resolve("other.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(other));
            missing.apply(other, log::add);
            assertEquals("rw-rw----", mode(other), "without the group, the file's own group (root's) is the only one let in");
        }
        assertEquals(1, log.size(), log.toString());
    }
}
