/*
 * TeaVM's file-system natives on Kiln. An image's files are Java's (libos's
 * ImageFileSystem replaces TeaVM's CFileSystem, which calls these); were they reached, every
 * operation reports failure the way TeaVM's Java side turns into an
 * IOException (open returns no handle, create/delete/rename return false) or a
 * "does not exist" answer. Nothing pretends to succeed: a program that writes a
 * file learns that it could not.
 */
#include "definitions.h"
#include "file.h"
#include "string.h"
#include <stdlib.h>

static const char16_t kiln_file_noFs[] = u"no file system in a Kiln native image";

/* Directory queries: an error (negative: -1 - length of the message in *result). */
static int32_t kiln_file_error(char16_t** result) {
    int32_t length = (int32_t) (sizeof(kiln_file_noFs) / sizeof(char16_t)) - 1;
    char16_t* copy = malloc(sizeof(kiln_file_noFs));
    if (copy == NULL) {
        *result = NULL;
        return -1;
    }
    for (int32_t i = 0; i <= length; ++i) {
        copy[i] = kiln_file_noFs[i];
    }
    *result = copy;
    return -1 - length;
}

/* A path for TeaVM's System properties (java.io.tmpdir, user.home), malloc'd as TeaVM frees it. */
static int32_t kiln_file_path(const char16_t* path, int32_t length, char16_t** result) {
    char16_t* copy = malloc(sizeof(char16_t) * (size_t) (length + 1));
    if (copy == NULL) {
        return kiln_file_error(result);
    }
    for (int32_t i = 0; i <= length; ++i) {
        copy[i] = path[i];
    }
    *result = copy;
    return length;
}

/*
 * The image's file system is libos's dev.kiln.libos.fs.ImageFileSystem (Java), which the builder
 * puts in place of TeaVM's C one; TeaVM's System still asks these two directly: the writable
 * in-memory /tmp, and "/" as home (user.dir is "/" too, from ImageFileSystem).
 */
int32_t teavm_file_homeDirectory(char16_t** result) { return kiln_file_path(u"/", 1, result); }
int32_t teavm_file_workDirectory(char16_t** result) { return kiln_file_path(u"/", 1, result); }
int32_t teavm_file_tempDirectory(char16_t** result) { return kiln_file_path(u"/tmp", 4, result); }

int32_t teavm_file_isFile(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_isDir(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
/* TeaVM 0.16 asks exists() directly (0.12.3 derived it from isFile/isDir): nothing exists. */
int32_t teavm_file_exists(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_canRead(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_canWrite(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
TeaVM_StringList* teavm_file_listFiles(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return NULL; }
int32_t teavm_file_createDirectory(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_createFile(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_delete(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_rename(char16_t* name, int32_t nameSize, char16_t* newName, int32_t newNameSize) {
    (void) name; (void) nameSize; (void) newName; (void) newNameSize;
    return 0;
}
int64_t teavm_file_lastModified(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
int32_t teavm_file_setLastModified(char16_t* name, int32_t nameSize, int64_t lastModified) {
    (void) name; (void) nameSize; (void) lastModified;
    return 0;
}
int32_t teavm_file_setReadonly(char16_t* name, int32_t nameSize, int32_t readonly) {
    (void) name; (void) nameSize; (void) readonly;
    return 0;
}
int32_t teavm_file_length(char16_t* name, int32_t nameSize) { (void) name; (void) nameSize; return 0; }
/* No handle: FileInputStream/FileOutputStream throw FileNotFoundException (an IOException). */
int64_t teavm_file_open(char16_t* name, int32_t nameSize, int32_t mode) {
    (void) name; (void) nameSize; (void) mode;
    return 0;
}
/* No handle was ever given out, so these are never reached with a real one; they fail. */
int32_t teavm_file_close(int64_t file) { (void) file; return 0; }
int32_t teavm_file_flush(int64_t file) { (void) file; return 0; }
int32_t teavm_file_seek(int64_t file, int32_t where, int32_t offset) { (void) file; (void) where; (void) offset; return 0; }
int32_t teavm_file_tell(int64_t file) { (void) file; return -1; }
int32_t teavm_file_read(int64_t file, int8_t* data, int32_t offset, int32_t size) {
    (void) file; (void) data; (void) offset; (void) size;
    return -1;
}
int32_t teavm_file_write(int64_t file, int8_t* data, int32_t offset, int32_t size) {
    (void) file; (void) data; (void) offset; (void) size;
    return -1;
}
/* RandomAccessFile.setLength (TeaVM 0.16): no handle was given out, so it fails. */
int32_t teavm_file_truncate(int64_t file, int32_t size) { (void) file; (void) size; return 0; }
int32_t teavm_file_isWindows() { return 0; }
/* java.io.File compares paths as Linux does: case matters. */
int32_t teavm_file_isCaseSensitive() { return 1; }
int32_t teavm_file_canonicalize(char16_t* path, int32_t pathSize, char16_t** result) {
    (void) path; (void) pathSize; (void) result;
    return 0;
}
