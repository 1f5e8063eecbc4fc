package com.novaquant.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The SHA-256 checksum files data.binance.vision publishes beside each zip: {@code <64 hex digits>  <zip name>\n}.
 *
 * @param sha256Hex the zip's SHA-256, lower-case hex
 * @param fileName  the zip's file name, without folders
 */
public record BulkChecksum(String sha256Hex, String fileName) {

    private static final HexFormat HEX = HexFormat.of();

    /** The checksum file's text. */
    public String content() {
        return sha256Hex + "  " + fileName + "\n";
    }

    /** Reads a checksum file's text; empty if it is not one (a proxy's error page, a truncated file). */
    public static Optional<BulkChecksum> parse(String content) {
        String line = content.strip();
        int gap = line.indexOf(' ');
        if (gap != 64 || !line.substring(0, 64).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        String name = line.substring(gap).strip();
        String hex = line.substring(0, 64).toLowerCase(Locale.ROOT);
        return name.isEmpty() ? Optional.empty() : Optional.of(new BulkChecksum(hex, name));
    }

    /** Whether {@code zip} has this name and this digest. */
    public boolean matches(Path zip) {
        return zip.getFileName().toString().equals(fileName) && sha256Hex.equals(sha256Of(zip));
    }

    /** Whether a zip and the checksum file beside it are both there and agree. */
    public static boolean verifies(Path zip) {
        Path checksumFile = zip.resolveSibling(BulkLayout.checksumOf(zip.getFileName().toString()));
        if (!Files.isRegularFile(zip) || !Files.isRegularFile(checksumFile)) {
            return false;
        }
        try {
            // decoded leniently: a file of other bytes is simply not a checksum
            String content = new String(Files.readAllBytes(checksumFile), StandardCharsets.US_ASCII);
            return parse(content).map(checksum -> checksum.matches(zip)).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's SHA-256 in lower-case hex. */
    public static String sha256Of(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HEX.formatHex(digest.digest());
    }

    /** A digest's result in the checksum files' hex. */
    static String hex(MessageDigest digest) {
        return HEX.formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
