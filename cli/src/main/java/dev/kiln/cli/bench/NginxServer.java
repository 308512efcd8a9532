package dev.kiln.cli.bench;

import dev.kiln.image.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * nginx (Debian's nginx-light) serving one page, as the C baseline of `kiln bench http`: the
 * page's bytes and Content-Type are those the example served, under the same path, so both
 * answer the same request with the same body. The configuration is the benchmark's own, in a
 * fresh directory with the pid file and every temporary path: one worker per core, no access
 * log, keep-alive without a request limit (the example closes no kept-alive connection either),
 * no ETag and no version in Server. nginx still adds Date, Last-Modified and Accept-Ranges.
 */
public final class NginxServer {
    private NginxServer() {}

    /**
     * Starts nginx in namespace netns listening on ip:80, serving body at path with contentType.
     * The caller waits for it to answer (nginx prints nothing when it is ready).
     */
    public static ServerProcess start(String netns, String ip, String path, String contentType, byte[] body, int workers)
            throws IOException {
        Path dir = Files.createTempDirectory("kiln-bench-nginx");
        Path conf = dir.resolve("nginx.conf");
        try {
            // the workers run as nobody: they must read the page
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.write(dir.resolve("page"), body);
            Files.writeString(conf, config(dir, ip, path, contentType, workers), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e;
        }
        return ServerProcess.start("nginx", netns, dir,
                List.of("nginx", "-p", dir.toString(), "-e", "stderr", "-c", conf.toString()));
    }

    static String config(Path dir, String ip, String path, String contentType, int workers) {
        if (contentType.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\' || c == '$')
                || path.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '\\' || c == ';' || c == '$' || c == '{' || c == '}')) {
            throw new IllegalArgumentException("cannot write nginx's configuration for path " + path + " and type " + contentType);
        }
        return """
                # written by kiln bench http
                daemon off;
                master_process on;
                worker_processes %d;
                pid %s/nginx.pid;
                error_log stderr warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    server_tokens off;
                    etag off;
                    keepalive_requests 1000000000;
                    keepalive_timeout 60s;
                    types { }
                    default_type "%s";
                    server {
                        listen %s:80;
                        location = %s { root %s; try_files /page =404; }
                    }
                }
                """.formatted(workers, dir, dir, dir, dir, dir, dir, contentType, ip, path, dir);
    }
}
