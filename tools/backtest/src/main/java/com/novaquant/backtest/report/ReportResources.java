package com.novaquant.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page template, style sheet and chart script, kept as files under {@code report/} on the class path. */
final class ReportResources {

    private ReportResources() {
    }

    static String text(String name) {
        String path = "/report/" + name;
        try (InputStream in = ReportResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read class-path resource " + path, e);
        }
    }
}
