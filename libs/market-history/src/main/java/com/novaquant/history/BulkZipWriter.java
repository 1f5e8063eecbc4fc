package com.novaquant.history;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one monthly file as data.binance.vision publishes it: a zip holding one CSV of the same base name, and the
 * {@code .CHECKSUM} file beside it. The entry's time is fixed, so the same lines always make the same bytes.
 */
final class BulkZipWriter implements Closeable {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private final Path zip;
    private final MessageDigest digest = BulkChecksum.newDigest();
    private final ZipOutputStream archive;
    private final Writer csv;

    private BulkZipWriter(Path zip) throws IOException {
        this.zip = zip;
        Files.createDirectories(zip.getParent());
        archive = new ZipOutputStream(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(zip), 64 * 1024), digest));
        archive.setLevel(Deflater.BEST_SPEED);
        ZipEntry entry = new ZipEntry(BulkLayout.csvOf(zip.getFileName().toString()));
        entry.setTimeLocal(ENTRY_TIME);
        archive.putNextEntry(entry);
        csv = new BufferedWriter(new OutputStreamWriter(archive, StandardCharsets.US_ASCII), 64 * 1024);
    }

    /** Starts the file at {@code relativeZip} under {@code root}, replacing one that is there. */
    static BulkZipWriter open(Path root, String relativeZip) {
        try {
            return new BulkZipWriter(root.resolve(relativeZip));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativeZip, e);
        }
    }

    /** Appends text to the CSV: whole lines, each ending in a newline. */
    BulkZipWriter write(CharSequence lines) {
        try {
            csv.append(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
        return this;
    }

    /** Finishes the zip and writes its checksum file. */
    @Override
    public void close() {
        try {
            csv.flush();
            archive.closeEntry();
            archive.close();
            BulkChecksum checksum = new BulkChecksum(BulkChecksum.hex(digest), zip.getFileName().toString());
            Files.writeString(zip.resolveSibling(BulkLayout.checksumOf(checksum.fileName())), checksum.content(),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
    }
}
