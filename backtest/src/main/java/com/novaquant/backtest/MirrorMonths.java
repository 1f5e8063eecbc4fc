package com.novaquant.backtest;

import com.novaquant.history.BulkDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The months a mirror holds funding files for: the default range of a run or sweep given none. */
final class MirrorMonths {

    private static final Pattern MONTH = Pattern.compile("-fundingRate-(\\d{4}-\\d{2})\\.(zip|csv)$");

    private MirrorMonths() {
    }

    /** The first and last month with a funding file, or empty when there is none. */
    static Optional<YearMonth[]> range(Path root) throws IOException {
        Path funding = root.resolve(BulkDataset.FUNDING.directory());
        if (!Files.isDirectory(funding)) {
            return Optional.empty();
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        try (Stream<Path> files = Files.walk(funding, 2)) {
            files.forEach(file -> {
                Matcher m = MONTH.matcher(file.getFileName().toString());
                if (m.find()) {
                    months.add(YearMonth.parse(m.group(1)));
                }
            });
        }
        return months.isEmpty() ? Optional.empty() : Optional.of(new YearMonth[]{months.first(), months.last()});
    }

    /** The range the options name, else the mirror's whole range. */
    static YearMonth[] of(Options options, Path root) throws IOException {
        if (options.has("from")) {
            YearMonth from = options.month("from");
            return new YearMonth[]{from, options.has("to") ? options.month("to") : from};
        }
        return range(root).orElseThrow(() -> new Options.UsageException(
                "no funding files under " + root + ": fetch some first (fetch --data " + root + " ...)"));
    }
}
