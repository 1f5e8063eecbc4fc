package com.novaquant.backtest.report;

/** Text from the report placed in Markdown: one line, and nothing that would end a table cell or open raw HTML. */
final class MarkdownText {

    private MarkdownText() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("`", "\\`")
                .replace("<", "&lt;")
                .replaceAll("\\R", " ");
    }
}
