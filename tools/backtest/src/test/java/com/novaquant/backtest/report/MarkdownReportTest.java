package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.backtest.report.BacktestReport.PairResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void theSmallReportPrintsEveryFigureFormattedWithPairsBestFirst() {
        assertThat(MarkdownReport.render(SampleReports.small())).isEqualTo("""
                # Carry Q1 2024

                Period: 2024-01-01 00:00 to 2024-04-01 00:00 UTC (91 days)

                Money in USDT; APR, drawdown and time in market in percent.

                ## Settings

                | Setting | Value |
                | --- | --- |
                | entryAprThreshold | 0.15 |
                | takerFeeRate | 0.0004 |

                ## Totals

                | Starting capital | Ending equity | Net PnL | Basis PnL | Funding PnL | Fees | APR | Max drawdown \
                | Turnover | Time in market | Trades |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | 10,000.00 | 10,523.46 | 523.46 | -12.35 | 600.13 | -64.32 | 2.12% | 1.23% | 123,456.79 | 87.50% | 12 |

                ## Pairs

                | Symbol | Net PnL | Basis PnL | Funding PnL | Fees | APR | Max drawdown | Turnover | Time in market \
                | Trades |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | BTCUSDT | 428.35 | -8.65 | 480.32 | -43.32 | 9.12% | 1.01% | 75,456.29 | 87.50% | 6 |
                | ETHUSDT | 100.11 | -2.50 | 120.61 | -18.00 | 8.45% | 0.20% | 40,000.00 | 50.00% | 4 |
                | XRPUSDT | -5.01 | -1.20 | -0.80 | -3.01 | -1.01% | 3.10% | 8,000.50 | 12.50% | 2 |
                """);
    }

    @Test
    void pairsWithTheSameNetPnlAreOrderedBySymbol() {
        BacktestReport report = withPairs(pair("SOLUSDT", "5.00"), pair("ADAUSDT", "5"), pair("BNBUSDT", "7.5"));

        assertThat(pairRows(MarkdownReport.render(report)))
                .containsExactly("BNBUSDT", "ADAUSDT", "SOLUSDT");
    }

    @Test
    void aPipeOrMarkupInTextCannotBreakTheTable() {
        BacktestReport small = SampleReports.small("Q1 | <b>bold</b>\nsecond line");
        BacktestReport report = new BacktestReport(small.title(), small.fromMs(), small.toMs(),
                Map.of("fee|rate", "0.0004"), small.totals(), small.pairs(), small.equity(), small.positions());

        String markdown = MarkdownReport.render(report);

        assertThat(markdown).startsWith("# Q1 \\| &lt;b>bold&lt;/b> second line\n");
        assertThat(markdown).contains("| fee\\|rate | 0.0004 |");
    }

    @Test
    void aRunWithoutPairsSaysSoInsteadOfAnEmptyTable() {
        String markdown = MarkdownReport.render(SampleReports.withoutPairs());

        assertThat(markdown).contains("## Pairs\n\nNo pair was in the universe.\n");
        assertThat(markdown).contains("## Settings\n\nNo settings were recorded.\n");
        assertThat(markdown).doesNotContain("| Symbol |");
    }

    private static List<String> pairRows(String markdown) {
        String pairs = markdown.substring(markdown.indexOf("## Pairs"));
        return pairs.lines().skip(4).map(line -> line.split(" \\| ")[0].substring(2)).toList();
    }

    private static PairResult pair(String symbol, String netPnl) {
        BigDecimal net = new BigDecimal(netPnl);
        return new PairResult(symbol, 2, net, BigDecimal.ZERO, BigDecimal.ZERO, net, 0.01, 0.0, BigDecimal.TEN, 0.5);
    }

    private static BacktestReport withPairs(PairResult... pairs) {
        BacktestReport small = SampleReports.small();
        return new BacktestReport(small.title(), small.fromMs(), small.toMs(), small.settings(), small.totals(),
                List.of(pairs), small.equity(), small.positions());
    }
}
