package com.novaquant.backtest.report;

import java.util.List;
import java.util.stream.Collectors;

/** A {@link Table} as a GitHub-flavoured Markdown table, figures right-aligned. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static String render(Table table) {
        StringBuilder out = new StringBuilder();
        out.append(line(table.headers()));
        out.append(table.numeric().stream().map(numeric -> numeric ? "---:" : "---")
                .collect(Collectors.joining(" | ", "| ", " |\n")));
        table.rows().forEach(row -> out.append(line(row)));
        return out.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(MarkdownText::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
