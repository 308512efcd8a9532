package dev.kiln.cli.bench;

import dev.kiln.image.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * NSD (Debian's nsd) serving one zone, as the C baseline of `kiln bench dns`: the zone file the
 * DNS example is compiled from, on ip:53, with a configuration of the benchmark's own in a fresh
 * directory (pid file, database, xfrd state, zone list: nothing under /etc or /var). One server
 * process per core, response rate limiting off (it would drop a benchmark's repeated queries),
 * no remote control, in the foreground (-d) so it stops with the benchmark.
 */
public final class NsdServer {
    private NsdServer() {}

    public static ServerProcess start(String netns, String ip, Path zoneFile, String zone, int servers) throws IOException {
        Path dir = Files.createTempDirectory("kiln-bench-nsd");
        Path conf = dir.resolve("nsd.conf");
        try {
            Files.copy(zoneFile, dir.resolve(zone + ".zone"));
            Files.writeString(conf, config(dir, ip, zone, servers), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e;
        }
        return ServerProcess.start("nsd", netns, dir, List.of("nsd", "-d", "-c", conf.toString()));
    }

    static String config(Path dir, String ip, String zone, int servers) {
        return """
                # written by kiln bench dns
                server:
                    ip-address: %s
                    port: 53
                    server-count: %d
                    username: ""
                    chroot: ""
                    zonesdir: "%s"
                    database: ""
                    zonelistfile: "%s/zone.list"
                    xfrdfile: "%s/xfrd.state"
                    xfrdir: "%s"
                    pidfile: "%s/nsd.pid"
                    hide-version: yes
                    verbosity: 1
                    rrl-ratelimit: 0
                    rrl-whitelist-ratelimit: 0
                remote-control:
                    control-enable: no
                zone:
                    name: "%s"
                    zonefile: "%s.zone"
                """.formatted(ip, servers, dir, dir, dir, dir, dir, zone, zone);
    }
}
