package dev.kiln.oci.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.oci.image.Blob;
import dev.kiln.oci.image.Digest;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.MediaTypes;
import dev.kiln.oci.image.OciException;
import dev.kiln.oci.image.OciImage;
import dev.kiln.oci.image.Platforms;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The OCI distribution API (what docker, podman and skopeo speak) for one image at a time:
 * push (blobs by monolithic upload, then the manifest) and pull (the manifest, an index
 * resolved to linux/amd64, then the config and layers), every blob checked against its
 * SHA-256 on the way in. Authentication follows the registry's challenges: on a 401, Basic
 * sends the credentials, Bearer fetches a token from the realm (with the credentials, if any)
 * for the scope the registry names, and the request is sent again once.
 */
public final class RegistryClient {
    private static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.MANIFEST, MediaTypes.INDEX,
            MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST);
    private static final long MAX_MANIFEST = 4 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(15)).build();
    private final Credentials credentials;
    private final Consumer<String> progress;
    /** Authorization header values by registry and scope, once a challenge was answered. */
    private final Map<String, String> authorizations = new HashMap<>();

    /** @param credentials for registries that ask (null: anonymous) */
    public RegistryClient(Credentials credentials, Consumer<String> progress) {
        this.credentials = credentials;
        this.progress = progress;
    }

    /** Pushes every blob the registry lacks, then the manifest under the reference's tag; returns the manifest digest. */
    public Digest push(OciImage image, ImageReference ref) throws IOException {
        if (ref.tag() == null) throw new IllegalArgumentException("push needs a tag: " + ref);
        String repo = ref.baseUrl() + ref.repository();
        for (Blob b : image.blobsInPushOrder()) {
            HttpResponse<byte[]> head = send(ref, request(repo + "/blobs/" + b.digest()).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()));
            if (head.statusCode() == 200) {
                progress.accept("blob " + b.digest() + " already there");
                continue;
            }
            HttpResponse<byte[]> start = send(ref, request(repo + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()));
            expect(start, 202, "starting the upload of " + b.digest());
            String location = start.headers().firstValue("Location")
                    .orElseThrow(() -> new OciException(ref.registry() + " gave no Location for the upload of " + b.digest()));
            URI upload = URI.create(repo + "/").resolve(location);
            String sep = upload.getQuery() == null ? "?" : "&";
            URI put = URI.create(upload + sep + "digest=" + URLEncoder.encode(b.digest().toString(), StandardCharsets.UTF_8));
            HttpResponse<byte[]> done = send(ref, HttpRequest.newBuilder(put).timeout(TIMEOUT)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(b.data())));
            expect(done, 201, "uploading " + b.digest());
            progress.accept("blob " + b.digest() + " pushed (" + b.data().length + " bytes)");
        }
        Blob m = image.manifest();
        HttpResponse<byte[]> r = send(ref, request(repo + "/manifests/" + ref.tag())
                .header("Content-Type", m.mediaType()).PUT(HttpRequest.BodyPublishers.ofByteArray(m.data())));
        expect(r, 201, "pushing the manifest");
        r.headers().firstValue("Docker-Content-Digest").ifPresent(d -> {
            if (!d.equals(m.digest().toString())) {
                throw new OciException(ref.registry() + " stored the manifest as " + d + ", not " + m.digest());
            }
        });
        progress.accept("manifest " + m.digest() + " pushed as " + ref);
        return m.digest();
    }

    /** Pulls the image (linux/amd64 when the reference names an index), every blob checked. */
    public OciImage pull(ImageReference ref) throws IOException {
        String repo = ref.baseUrl() + ref.repository();
        Blob top = manifest(ref, repo, ref.manifestReference(), ref.digest());
        OciImage.BlobSource blobs = r -> {
            try {
                if (MediaTypes.isManifest(r.mediaType()) || MediaTypes.isIndex(r.mediaType())) {
                    return manifest(ref, repo, r.digest().toString(), r.digest()).data();
                }
                HttpResponse<InputStream> resp = sendStreaming(ref, request(repo + "/blobs/" + r.digest()).GET());
                if (resp.statusCode() != 200) {
                    try (InputStream in = resp.body()) {
                        throw failure(resp.statusCode(), in.readNBytes(4096), ref, "fetching blob " + r.digest());
                    }
                }
                byte[] data;
                try (InputStream in = resp.body()) {
                    data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, r.size() + 1));
                }
                progress.accept("blob " + r.digest() + " fetched (" + data.length + " bytes)");
                return data;
            } catch (IOException e) {
                throw new OciException("fetching " + r.digest() + " from " + ref.registry() + ": " + e.getMessage(), e);
            }
        };
        if (MediaTypes.isIndex(top.mediaType())) top = Platforms.pick(top, blobs);
        return OciImage.read(top, blobs);
    }

    /** GETs a manifest or index; checked against {@code expected} (pull by digest) or the registry's digest header. */
    private Blob manifest(ImageReference ref, String repo, String reference, Digest expected) throws IOException {
        HttpResponse<byte[]> r = send(ref, request(repo + "/manifests/" + reference).header("Accept", MANIFEST_ACCEPT).GET());
        if (r.statusCode() == 404) throw new OciException(ref.registry() + " has no image " + ref.repository() + ":" + reference);
        expect(r, 200, "fetching the manifest " + reference);
        byte[] data = r.body();
        if (data.length > MAX_MANIFEST) throw new OciException("manifest " + reference + " is larger than " + MAX_MANIFEST + " bytes");
        String type = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        if (!MediaTypes.isManifest(type) && !MediaTypes.isIndex(type)) {
            // Some registries answer application/json: trust the document's own mediaType then.
            JsonNode doc = Json.tree(data, "manifest " + reference);
            type = doc.path("mediaType").asText("");
            if (!MediaTypes.isManifest(type) && !MediaTypes.isIndex(type)) {
                throw new OciException("manifest " + reference + " has media type '" + type + "', which Kiln does not read");
            }
        }
        Digest actual = Digest.of(data);
        if (expected != null && !expected.equals(actual)) {
            throw new OciException("manifest " + reference + ": content does not match its digest (got " + actual + ")");
        }
        String header = r.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (expected == null && header != null && !header.equals(actual.toString())) {
            throw new OciException("manifest " + reference + ": the registry says " + header + " but the content is " + actual);
        }
        return new Blob(type, actual, data);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    private HttpResponse<byte[]> send(ImageReference ref, HttpRequest.Builder b) throws IOException {
        return exchange(ref, b, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<InputStream> sendStreaming(ImageReference ref, HttpRequest.Builder b) throws IOException {
        return exchange(ref, b, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Sends with the authorization known for this registry; on a 401 answers the challenge and sends once more. */
    private <T> HttpResponse<T> exchange(ImageReference ref, HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        String known = authorizations.get(ref.registry() + " " + ref.repository());
        HttpResponse<T> r = sendOnce(known == null ? b : b.copy().setHeader("Authorization", known), handler, ref);
        if (r.statusCode() != 401) return r;
        if (r.body() instanceof InputStream in) in.close();
        String authorization = answer(ref, r.headers().firstValue("WWW-Authenticate").orElse(null));
        authorizations.put(ref.registry() + " " + ref.repository(), authorization);
        r = sendOnce(b.copy().setHeader("Authorization", authorization), handler, ref);
        if (r.statusCode() == 401) {
            if (r.body() instanceof InputStream in) in.close();
            throw new OciException(ref.registry() + " refused the credentials" + (credentials == null
                    ? " (none given: use --creds USER:PASSWORD or log in with podman login)" : " for user " + credentials.user()));
        }
        return r;
    }

    private <T> HttpResponse<T> sendOnce(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler, ImageReference ref)
            throws IOException {
        try {
            return http.send(b.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot connect to " + ref.baseUrl() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The Authorization value for a challenge: Basic from the credentials, Bearer from the realm's token endpoint. */
    private String answer(ImageReference ref, String header) throws IOException {
        AuthChallenge c;
        try {
            c = AuthChallenge.parse(header);
        } catch (IllegalArgumentException e) {
            throw new OciException(ref.registry() + " answered 401 without a WWW-Authenticate challenge");
        }
        if (c.isBasic()) {
            if (credentials == null) {
                throw new OciException(ref.registry() + " needs a user name and password: use --creds USER:PASSWORD or podman login");
            }
            return credentials.basicHeader();
        }
        if (!c.isBearer()) throw new OciException(ref.registry() + " asks for authentication scheme " + c.scheme() + ", which Kiln does not speak");
        String realm = c.params().get("realm");
        if (realm == null) throw new OciException(ref.registry() + ": Bearer challenge without a realm");
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (c.params().containsKey("service")) url.append("service=").append(enc(c.params().get("service"))).append('&');
        String scope = c.params().getOrDefault("scope", "repository:" + ref.repository() + ":pull,push");
        url.append("scope=").append(enc(scope));
        HttpRequest.Builder tr = HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT).GET();
        if (credentials != null) tr.header("Authorization", credentials.basicHeader());
        HttpResponse<byte[]> t = sendOnce(tr, HttpResponse.BodyHandlers.ofByteArray(), ref);
        if (t.statusCode() != 200) throw failure(t.statusCode(), t.body(), ref, "fetching a token from " + realm);
        JsonNode token = Json.tree(t.body(), "token from " + realm);
        String value = token.path("token").asText(token.path("access_token").asText(""));
        if (value.isEmpty()) throw new OciException("the token endpoint " + realm + " gave no token");
        return "Bearer " + value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void expect(HttpResponse<byte[]> r, int status, String what) {
        if (r.statusCode() != status) throw failure(r.statusCode(), r.body(), null, what);
    }

    /** A registry error in one line: its status and the first error of the OCI error body, if any. */
    private static OciException failure(int status, byte[] body, ImageReference ref, String what) {
        String detail = "";
        if (body != null && body.length > 0) {
            try {
                JsonNode e = Json.MAPPER.readTree(body).path("errors").path(0);
                if (!e.isMissingNode()) detail = ": " + e.path("code").asText() + " " + e.path("message").asText();
            } catch (IOException ignored) {
                // not a JSON error body: the status says enough
            }
        }
        return new OciException(what + (ref != null ? " at " + ref.registry() : "") + " failed: HTTP " + status + detail);
    }
}
