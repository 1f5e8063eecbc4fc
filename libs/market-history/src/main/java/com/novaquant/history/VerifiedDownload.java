package com.novaquant.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * Mirrors one zip and its checksum file. The zip is streamed into a temporary file beside its target while its
 * SHA-256 is computed, and moved into place only if it matches the published checksum; the checksum file follows it,
 * so that a zip with a verifying checksum beside it is always a complete download.
 */
final class VerifiedDownload {

    private static final int NOT_FOUND = 404;

    private final HttpClient client;
    private final URI base;
    private final Path root;
    private final Duration timeout;

    VerifiedDownload(HttpClient client, URI base, Path root, Duration timeout) {
        this.client = client;
        this.base = base;
        this.root = root;
        this.timeout = timeout;
    }

    FileOutcome mirror(String zip) {
        Path target = root.resolve(zip);
        if (BulkChecksum.verifies(target)) {
            return FileOutcome.of(zip, FileOutcome.Kind.ALREADY_PRESENT);
        }
        try {
            String checksumPath = BulkLayout.checksumOf(zip);
            HttpResponse<String> published = client.send(request(checksumPath),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
            if (published.statusCode() == NOT_FOUND) {
                return FileOutcome.of(zip, FileOutcome.Kind.MISSING);
            }
            if (published.statusCode() != 200) {
                return FileOutcome.failed(zip, "HTTP " + published.statusCode() + " for " + checksumPath);
            }
            Optional<BulkChecksum> checksum = BulkChecksum.parse(published.body());
            if (checksum.isEmpty() || !checksum.get().fileName().equals(BulkLayout.fileName(zip))) {
                String body = published.body().strip();
                return FileOutcome.failed(zip, "not a checksum of " + BulkLayout.fileName(zip) + ": "
                        + body.substring(0, Math.min(body.length(), 120)));
            }
            Files.createDirectories(target.getParent());
            return download(zip, checksum.get(), target);
        } catch (IOException e) {
            return FileOutcome.failed(zip, e.getMessage() != null && e.getMessage().endsWith("download stalled")
                    ? e.getMessage() : e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FileOutcome.failed(zip, "interrupted");
        }
    }

    private FileOutcome download(String zip, BulkChecksum checksum, Path target)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request(zip), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = new StallGuard(response.body(), timeout)) {
            if (response.statusCode() == NOT_FOUND) {
                return FileOutcome.of(zip, FileOutcome.Kind.MISSING);
            }
            if (response.statusCode() != 200) {
                return FileOutcome.failed(zip, "HTTP " + response.statusCode() + " for " + zip);
            }
            Path part = partFileFor(target);
            try {
                MessageDigest digest = BulkChecksum.newDigest();
                try (OutputStream out = Files.newOutputStream(part)) {
                    new DigestInputStream(body, digest).transferTo(out);
                }
                String actual = BulkChecksum.hex(digest);
                if (!actual.equals(checksum.sha256Hex())) {
                    return FileOutcome.failed(zip, "checksum mismatch: published " + checksum.sha256Hex()
                            + ", downloaded " + actual);
                }
                moveIntoPlace(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        writeChecksumBeside(target, checksum);
        return FileOutcome.of(zip, FileOutcome.Kind.FETCHED);
    }

    private static void writeChecksumBeside(Path zip, BulkChecksum checksum) throws IOException {
        Path part = partFileFor(zip);
        try {
            Files.writeString(part, checksum.content(), StandardCharsets.US_ASCII);
            moveIntoPlace(part, zip.resolveSibling(BulkLayout.checksumOf(zip.getFileName().toString())));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** A hidden temporary file in the target's folder, so that the final move is a rename. */
    private static Path partFileFor(Path target) throws IOException {
        return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    }

    private HttpRequest request(String relative) {
        return HttpRequest.newBuilder(base.resolve(relative)).timeout(timeout).GET().build();
    }

    /** A rename within one folder: readers see the old file or the whole new one, never a part. */
    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
