package com.novaquant.backtest.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The report's three tables, formatted once for both the Markdown and the HTML page. */
final class ReportTables {

    /** Best pair first; equal PnL by symbol so the order never depends on the input's. */
    static final Comparator<BacktestReport.PairResult> BY_NET_PNL_DESCENDING =
            Comparator.comparing(BacktestReport.PairResult::netPnl, Comparator.reverseOrder())
                    .thenComparing(BacktestReport.PairResult::symbol);

    private static final List<String> FIGURE_HEADERS = List.of("Net PnL", "Basis PnL", "Funding PnL", "Fees", "APR",
            "Max drawdown", "Turnover", "Time in market", "Trades");

    private ReportTables() {
    }

    static Table settings(BacktestReport report) {
        List<List<String>> rows = report.settings().entrySet().stream()
                .map(setting -> List.of(setting.getKey(), setting.getValue()))
                .toList();
        return new Table(List.of("Setting", "Value"), List.of(false, false), rows);
    }

    static Table totals(BacktestReport report) {
        BacktestReport.Totals totals = report.totals();
        List<String> row = new ArrayList<>();
        row.add(ReportFormat.money(totals.startingCapital()));
        row.add(ReportFormat.money(totals.endingEquity()));
        row.addAll(figureCells(ResultFigures.of(totals)));
        List<String> headers = Stream.concat(Stream.of("Starting capital", "Ending equity"), FIGURE_HEADERS.stream())
                .toList();
        return new Table(headers, headers.stream().map(header -> true).toList(), List.of(row));
    }

    /** The totals read down the page, one figure a row: eleven columns are too wide for a page beside the charts. */
    static Table totalsByFigure(BacktestReport report) {
        Table totals = totals(report);
        List<String> values = totals.rows().getFirst();
        List<List<String>> rows = IntStream.range(0, values.size())
                .mapToObj(column -> List.of(totals.headers().get(column), values.get(column)))
                .toList();
        return new Table(List.of("Figure", "Value"), List.of(false, true), rows);
    }

    static Table pairs(BacktestReport report) {
        List<List<String>> rows = report.pairs().stream()
                .sorted(BY_NET_PNL_DESCENDING)
                .map(pair -> Stream.concat(Stream.of(pair.symbol()), figureCells(ResultFigures.of(pair)).stream())
                        .toList())
                .toList();
        List<String> headers = Stream.concat(Stream.of("Symbol"), FIGURE_HEADERS.stream()).toList();
        List<Boolean> numeric = Stream.concat(Stream.of(false), FIGURE_HEADERS.stream().map(header -> true)).toList();
        return new Table(headers, numeric, rows);
    }

    private static List<String> figureCells(ResultFigures figures) {
        return List.of(
                ReportFormat.money(figures.netPnl()),
                ReportFormat.money(figures.basisPnl()),
                ReportFormat.money(figures.fundingPnl()),
                ReportFormat.money(figures.feePnl()),
                ReportFormat.percent(figures.apr()),
                ReportFormat.percent(figures.maxDrawdown()),
                ReportFormat.money(figures.turnover()),
                ReportFormat.percent(figures.timeInMarket()),
                ReportFormat.count(figures.trades()));
    }
}
