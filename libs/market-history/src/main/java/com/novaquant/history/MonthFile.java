package com.novaquant.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One month's CSV on disk: inside its zip, or extracted beside it (the zip wins when both are there). Streams the
 * lines, skips the header line if the file has one (and blank lines: no data is lost with them), and names the file
 * and line of anything that does not parse.
 */
final class MonthFile {

    private final Path path;
    private final boolean zipped;

    private MonthFile(Path path, boolean zipped) {
        this.path = path;
        this.zipped = zipped;
    }

    /** The month at {@code relativeZip} under {@code root}, if its zip or its CSV is there. */
    static Optional<MonthFile> find(Path root, String relativeZip) {
        Path zip = root.resolve(relativeZip);
        if (Files.isRegularFile(zip)) {
            return Optional.of(new MonthFile(zip, true));
        }
        Path csv = root.resolve(BulkLayout.csvOf(relativeZip));
        return Files.isRegularFile(csv) ? Optional.of(new MonthFile(csv, false)) : Optional.empty();
    }

    /**
     * Parses every line but a first line equal to {@code header}, giving each record to {@code sink}.
     *
     * @throws MalformedBulkFileException naming the file and line of the first line that does not parse
     */
    <T> void read(String header, BiFunction<CsvFields, String, T> parser, Consumer<T> sink) {
        try {
            if (!zipped) {
                try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
                    readLines(lines, path.toString(), header, parser, sink);
                }
                return;
            }
            try (ZipFile archive = new ZipFile(path.toFile())) {
                ZipEntry entry = csvEntry(archive);
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        archive.getInputStream(entry), StandardCharsets.US_ASCII), 64 * 1024)) {
                    readLines(lines, path + "!/" + entry.getName(), header, parser, sink);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static <T> void readLines(BufferedReader lines, String name, String header,
                                      BiFunction<CsvFields, String, T> parser, Consumer<T> sink) throws IOException {
        CsvFields fields = new CsvFields(BulkCsv.KLINE_FIELDS);
        long number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (number == 1 && line.equals(header) || line.isBlank()) {
                continue;
            }
            try {
                sink.accept(parser.apply(fields, line));
            } catch (IllegalArgumentException e) {
                throw new MalformedBulkFileException(name, number, e.getMessage() + " in '" + line + "'", e);
            }
        }
    }

    /** The zip's CSV: the one named like the zip, else its only entry. */
    private ZipEntry csvEntry(ZipFile archive) {
        String expected = BulkLayout.csvOf(path.getFileName().toString());
        ZipEntry named = archive.getEntry(expected);
        if (named != null) {
            return named;
        }
        List<? extends ZipEntry> entries = Collections.list(archive.entries());
        if (entries.size() != 1) {
            throw new MalformedBulkFileException(path.toString(), 0,
                    "expected one entry " + expected + ", found " + entries.size(), null);
        }
        return entries.getFirst();
    }
}
