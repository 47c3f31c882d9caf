package dev.ztc.emit.opa;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bundle.tar.gz}, byte-identical for identical files: entries in name order, mtime 0, owner 0:0
 * without names, mode 0644, and a gzip header with mtime 0, no file name and a fixed OS byte. Entry names
 * start with "/" as {@code opa build} writes them.
 */
public final class BundleArchive {

    private static final int MODE = 0100644;

    private BundleArchive() {
    }

    public static byte[] tarGz(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setFileName(null);
        gzip.setOperatingSystem(255); // "unknown", instead of the build machine's
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("/" + file.getKey(), true);
                entry.setSize(file.getValue().length);
                entry.setModTime(0);
                entry.setMode(MODE);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The regular files of a bundle archive by name, without the leading "/" (the inverse of {@link #tarGz}). verify
     * reads an archive on disk with it to know that what Terraform uploads is what it judged.
     */
    public static Map<String, byte[]> read(byte[] tarGz) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tarGz)), "UTF-8")) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    String name = entry.getName().replaceFirst("^\\.?/", "");
                    files.put(name, tar.readAllBytes());
                }
            }
        }
        return files;
    }
}
