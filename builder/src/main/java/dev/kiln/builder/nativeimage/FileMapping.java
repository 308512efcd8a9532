package dev.kiln.builder.nativeimage;

import java.nio.file.Path;

/**
 * One {@code --file SRC:DEST} (or an entry of {@code files=} in kiln.properties): the file or
 * directory SRC on the build host appears, read-only, at the absolute path DEST in the image.
 */
public record FileMapping(Path source, String dest) {
    /**
     * Parses SRC:DEST, SRC taken relative to {@code base}. The checks that need the host's files
     * (SRC exists, no loop) are {@link ImageTree}'s; this one checks the text.
     */
    public static FileMapping parse(String spec, Path base) throws NativeBuildException {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new NativeBuildException("file mapping " + ClassFileCheck.oneLine(spec)
                    + " is not SRC:DEST (a host file or directory, then an absolute path in the image)");
        }
        String src = spec.substring(0, colon);
        String dest = spec.substring(colon + 1);
        return new FileMapping(base.resolve(src).normalize(), ImageTree.checkDest(dest, spec));
    }
}
