package com.novaquant.backtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report's three renderings side by side: {@code <baseName>.md}, {@code .json} and {@code .html}. */
public final class ReportFiles {

    /** Where the three renderings were written. */
    public record Written(Path markdown, Path json, Path html) {
    }

    private ReportFiles() {
    }

    /** Creates {@code dir} if needed and replaces files of the same names. */
    public static Written write(Path dir, String baseName, BacktestReport report) throws IOException {
        if (baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("the base name must be a plain file name: " + baseName);
        }
        Files.createDirectories(dir);
        return new Written(
                Files.writeString(dir.resolve(baseName + ".md"), MarkdownReport.render(report), StandardCharsets.UTF_8),
                Files.writeString(dir.resolve(baseName + ".json"), JsonReport.render(report), StandardCharsets.UTF_8),
                Files.writeString(dir.resolve(baseName + ".html"), HtmlReport.render(report), StandardCharsets.UTF_8));
    }
}
