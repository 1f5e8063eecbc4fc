package com.novaquant.simulator.it;

import com.novaquant.history.BulkReader;
import com.novaquant.history.FundingRecord;
import com.novaquant.history.Kline;
import com.novaquant.history.Market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What a history mirror says the simulator should show, read straight from its files: each minute's best bid and ask
 * around its close, the close at an instant, the funding records.
 */
final class HistoryFiles {

    static final long MINUTE_MS = 60_000L;

    private final BulkReader reader;
    private final YearMonth month;
    private final BigDecimal halfSpread;

    HistoryFiles(Path root, YearMonth month, BigDecimal halfSpread) {
        this.reader = new BulkReader(root);
        this.month = month;
        this.halfSpread = halfSpread;
    }

    /** A best bid and ask, compared by value. */
    record Touch(BigDecimal bid, BigDecimal ask) {

        static Touch of(String bid, String ask) {
            return new Touch(new BigDecimal(bid).stripTrailingZeros(), new BigDecimal(ask).stripTrailingZeros());
        }
    }

    List<Kline> klines(Market market, String symbol) {
        return reader.klines(market, symbol, month, month);
    }

    List<FundingRecord> fundings(String symbol) {
        return reader.fundingRates(symbol, month, month);
    }

    /** The touch the simulator quotes for a minute: the close less and plus the half-spread, away from it on the tick. */
    Touch touch(Kline minute, BigDecimal tick) {
        BigDecimal bid = minute.close().multiply(BigDecimal.ONE.subtract(halfSpread)).divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
        BigDecimal ask = minute.close().multiply(BigDecimal.ONE.add(halfSpread)).divide(tick, 0, RoundingMode.CEILING).multiply(tick);
        return new Touch(bid.stripTrailingZeros(), ask.stripTrailingZeros());
    }

    /** The touches of the minutes closing from {@code fromMs} to {@code toMs}, both included. */
    List<Touch> touchesClosing(Market market, String symbol, BigDecimal tick, long fromMs, long toMs) {
        return klines(market, symbol).stream()
                .filter(k -> k.openTimeMs() + MINUTE_MS >= fromMs && k.openTimeMs() + MINUTE_MS <= toMs)
                .map(k -> touch(k, tick)).toList();
    }

    /** The close of the minute ending at {@code instantMs}, the last price known then. */
    Optional<BigDecimal> closeEndingAt(Market market, String symbol, long instantMs) {
        return klines(market, symbol).stream().filter(k -> k.openTimeMs() + MINUTE_MS == instantMs).map(Kline::close).findFirst();
    }
}
