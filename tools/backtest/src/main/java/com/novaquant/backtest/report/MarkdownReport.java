package com.novaquant.backtest.report;

/**
 * A backtest report as Markdown: title, period, settings, totals and one row per pair (best net PnL first). Money in
 * USDT with two decimals, rates as percentages with two decimals.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(MarkdownText.escape(report.title())).append("\n\n");
        out.append("Period: ").append(ReportFormat.period(report.fromMs(), report.toMs())).append("\n\n");
        out.append("Money in USDT; APR, drawdown and time in market in percent.\n\n");
        section(out, "Settings", ReportTables.settings(report), "No settings were recorded.");
        section(out, "Totals", ReportTables.totals(report), "");
        section(out, "Pairs", ReportTables.pairs(report), "No pair was in the universe.");
        return out.toString().stripTrailing() + "\n";
    }

    private static void section(StringBuilder out, String heading, Table table, String whenEmpty) {
        out.append("## ").append(heading).append("\n\n");
        out.append(table.rows().isEmpty() ? whenEmpty + "\n" : MarkdownTable.render(table)).append('\n');
    }
}
