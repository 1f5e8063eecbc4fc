package com.novaquant.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** Test helpers over the files of a mirror. */
final class MirrorFiles {

    private MirrorFiles() {
    }

    /** Every file under {@code root}, by relative path (with {@code /}), with its SHA-256. */
    static Map<String, String> sha256ByPath(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> digests = new TreeMap<>();
            files.filter(Files::isRegularFile).forEach(file ->
                    digests.put(root.relativize(file).toString().replace('\\', '/'), BulkChecksum.sha256Of(file)));
            return digests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip (and its checksum file) holding {@code lines}, each followed by a newline. */
    static void zip(Path root, String relativeZip, String... lines) {
        try (BulkZipWriter zip = BulkZipWriter.open(root, relativeZip)) {
            zip.write(String.join("\n", lines) + "\n");
        }
    }

    /** Writes an extracted CSV as someone who unzipped the month would have it. */
    static void csv(Path root, String relativeCsv, String... lines) throws IOException {
        Path file = root.resolve(relativeCsv);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** The lines of the CSV inside a zip. */
    static List<String> linesInZip(Path zip) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            byte[] csv = archive.getInputStream(archive.entries().nextElement()).readAllBytes();
            return new String(csv, StandardCharsets.US_ASCII).lines().toList();
        }
    }
}
