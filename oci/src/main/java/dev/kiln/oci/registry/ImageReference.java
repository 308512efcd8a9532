package dev.kiln.oci.registry;

import dev.kiln.oci.image.Digest;

import java.util.regex.Pattern;

/**
 * An image reference as docker, podman and skopeo write it: {@code [HOST[:PORT]/]PATH[:TAG][@sha256:HEX]}.
 * The first component is a registry host when it has a '.' or a ':' or is {@code localhost};
 * otherwise the registry is Docker Hub and a one-component path gets {@code library/}.
 *
 * @param registry host[:port] as written (Docker Hub: registry-1.docker.io)
 * @param repository the repository path, e.g. {@code kiln/http-server}
 * @param tag the tag, or null when a digest is given without one
 * @param digest the manifest digest, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](:[0-9]{1,5})?");
    public static final String DOCKER_HUB = "registry-1.docker.io";

    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 512) throw bad(text, "empty or too long");
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw bad(text, e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                if (!HOST.matcher(first).matches()) throw bad(text, "bad registry host '" + first + "'");
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) throw bad(text, "bad tag '" + tag + "'");
        }
        if (rest.isEmpty()) throw bad(text, "no repository");
        for (String c : rest.split("/", -1)) {
            if (!COMPONENT.matcher(c).matches()) throw bad(text, "bad repository component '" + c + "' (lowercase letters, digits, . _ -)");
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) rest = "library/" + rest;
        if (tag == null && digest == null) tag = "latest";
        return new ImageReference(registry, rest, tag, digest);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("image reference '" + text + "': " + why);
    }

    /** What the manifest endpoint is asked for: the digest if given, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** Plain HTTP for a registry on this machine's loopback, HTTPS for every other. */
    public boolean plainHttp() {
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
                : registry.contains(":") ? registry.substring(0, registry.lastIndexOf(':')) : registry;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** The base URL of the registry's distribution API. */
    public String baseUrl() {
        return (plainHttp() ? "http://" : "https://") + registry + "/v2/";
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
