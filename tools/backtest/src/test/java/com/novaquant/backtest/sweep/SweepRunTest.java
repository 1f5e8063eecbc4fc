package com.novaquant.backtest.sweep;

import com.novaquant.history.FundingRecord;
import com.novaquant.history.Kline;
import com.novaquant.backtest.engine.BacktestEngine;
import com.novaquant.backtest.engine.SymbolHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small grid over two days of three symbols, run on this machine in parallel and in slices. */
class SweepRunTest {

    private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final String GRID = """
            {"entryThresholdApr": [0.15, 0.9], "universeSize": [1, 3], "allocation": ["EQUAL", "BY_CARRY"],
             "capital": 9000}
            """;

    private final List<SymbolHistory> histories = List.of(
            history("AAAUSDT", "0.0002"), history("BBBUSDT", "0.0006"), history("CCCUSDT", "0.0012"));

    @Test
    void inParallelEveryPointEarnsWhatItsOwnBacktestEarns() throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);

        List<SweepOutcome> outcomes = SweepRunner.run(grid.points(), histories, grid.capital(), 4);

        assertThat(outcomes).hasSize(8);
        for (SweepOutcome outcome : outcomes) {
            var alone = BacktestEngine.run("alone", histories, outcome.point().settings(grid.capital())).totals();
            assertThat(outcome.totals()).isEqualTo(alone);
        }
        // The grid is not flat: a higher entry threshold or a smaller universe changes what is earned.
        assertThat(outcomes.stream().map(o -> o.totals().netPnl()).distinct().count()).isGreaterThan(2);
    }

    @Test
    void slicesWrittenApartGatherIntoTheWholeGridBestFirst(@TempDir Path dir) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        for (int slice = 0; slice < 3; slice++) {
            new SweepSlice(slice, 3, grid.points().size(),
                    SweepRunner.run(grid.slice(slice, 3), histories, grid.capital(), 2)).write(dir);
        }

        List<SweepOutcome> gathered = SweepReport.gather(dir, 3);
        List<Path> files = SweepReport.write(dir.resolve("report"), gathered);

        assertThat(gathered).isEqualTo(SweepRunner.run(grid.points(), histories, grid.capital(), 1));
        List<SweepOutcome> ranked = SweepReport.ranked(gathered);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1).totals().apr()).isGreaterThanOrEqualTo(ranked.get(i).totals().apr());
        }
        String md = Files.readString(files.get(0));
        assertThat(md).contains("8 points").contains("| " + ranked.getFirst().point().index() + " |");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| #")).count()).isEqualTo(8);
        assertThat(Files.readString(files.get(1))).contains("\"netPnl\"");
    }

    @Test
    void aMissingSliceIsNamed(@TempDir Path dir) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        new SweepSlice(0, 2, 8, SweepRunner.run(grid.slice(0, 2), histories, grid.capital(), 2)).write(dir);

        assertThatThrownBy(() -> SweepReport.gather(dir, 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("slices missing").hasMessageContaining("[1]");
    }

    @Test
    void aSliceHoldingAnotherSlicesPointIsRefused(@TempDir Path dir) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        List<SweepOutcome> wrong = SweepRunner.run(grid.slice(1, 2), histories, grid.capital(), 2);
        new SweepSlice(0, 2, 8, wrong).write(dir);
        new SweepSlice(1, 2, 8, wrong).write(dir);

        assertThatThrownBy(() -> SweepReport.gather(dir, 2)).hasMessageContaining("not its own or is repeated");
    }

    /** Two days at 100, deep enough that the allocation, not the book, sizes the pairs; funding every 8 hours. */
    private static SymbolHistory history(String symbol, String rate) {
        List<Kline> klines = new ArrayList<>();
        BigDecimal price = new BigDecimal("100");
        BigDecimal volume = new BigDecimal("16000");
        for (int i = 0; i < 2 * 24 * 60; i++) {
            long open = START + i * 60_000L;
            klines.add(new Kline(open, price, price, price, price, volume, open + 59_999, price.multiply(volume), 50));
        }
        List<FundingRecord> funding = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            funding.add(new FundingRecord(START + i * 8 * 3_600_000L, 8, new BigDecimal(rate)));
        }
        return new SymbolHistory(symbol, klines, klines, funding);
    }
}
