package dev.kiln.oci.image;

/** The media types of the OCI image specification (v1.0) that Kiln writes and reads. */
public final class MediaTypes {
    public static final String INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER_TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    /** Docker's schema 2, which registries and skopeo may hand back for the same image. */
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private MediaTypes() {}

    public static boolean isManifest(String type) {
        return MANIFEST.equals(type) || DOCKER_MANIFEST.equals(type);
    }

    public static boolean isIndex(String type) {
        return INDEX.equals(type) || DOCKER_MANIFEST_LIST.equals(type);
    }

    public static boolean isGzipLayer(String type) {
        return LAYER_TAR_GZIP.equals(type) || DOCKER_LAYER_TAR_GZIP.equals(type);
    }
}
