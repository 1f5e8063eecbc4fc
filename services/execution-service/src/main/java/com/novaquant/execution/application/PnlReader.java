package com.novaquant.execution.application;

import com.novaquant.execution.domain.PnlReport;
import com.novaquant.execution.domain.PnlSummary;
import com.novaquant.ids.PairId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PnL over a window as the books hold it, with open positions valued at the exchange's marks: the perp at its mark
 * price, the spot leg at its last price. When the exchange cannot be read, or the caller must not wait on it (the
 * drawdown guard, a safety control), the mid prices the signals carried are used and the report says so.
 */
public class PnlReader {

    public static final String EXCHANGE_MARKS = "exchange";
    public static final String SIGNAL_MIDS = "signal mids";
    private static final Logger log = LoggerFactory.getLogger(PnlReader.class);

    private final Ledger ledger;
    private final Books books;
    private final TradingVenue venue;
    private final Marks signalMids;
    private final Clock clock;
    private PnlSummary lastDay;
    private long lastDayAtMs = Long.MIN_VALUE;

    public PnlReader(Ledger ledger, Books books, TradingVenue venue, Marks signalMids, Clock clock) {
        this.ledger = ledger;
        this.books = books;
        this.venue = venue;
        this.signalMids = signalMids;
        this.clock = clock;
    }

    /** PnL from {@code from} until now, marked at the exchange's prices when they can be read. */
    public PnlReport report(Instant from) {
        try {
            List<PairRecord> pairs = ledger.activePairs();
            return books.report(from, clock.instant(), unrealised(pairs, exchangeMarks(pairs)), EXCHANGE_MARKS);
        } catch (VenueUnavailableException e) {
            log.warn("Marks unreadable on the exchange, valuing at signal mids: {}", e.getMessage());
            return reportAtSignalMids(from);
        }
    }

    /** PnL from {@code from} until now without asking the exchange anything. */
    public PnlReport reportAtSignalMids(Instant from) {
        return books.report(from, clock.instant(), unrealised(ledger.activePairs(), signalMids.snapshot()), SIGNAL_MIDS);
    }

    /**
     * The last 24 hours at the signals' mids, read again only when the one held is older than {@code maxAge}: for
     * gauges scraped often, which must neither load the database nor wait on the exchange.
     */
    public synchronized PnlSummary lastDayAtSignalMids(Duration maxAge) {
        long now = clock.millis();
        if (lastDay == null || now - lastDayAtMs >= maxAge.toMillis()) {
            lastDay = reportAtSignalMids(clock.instant().minus(Duration.ofHours(24))).summary();
            lastDayAtMs = now;
        }
        return lastDay;
    }

    /** Keeps today's unrealised PnL at the exchange's marks as the start of later windows. */
    public BigDecimal sampleUnrealised() {
        List<PairRecord> pairs = ledger.activePairs();
        BigDecimal total = unrealised(pairs, exchangeMarks(pairs)).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        books.sampleUnrealised(clock.instant(), total);
        return total;
    }

    /** symbol to [spot last price, perp mark price], for every symbol with an active pair. */
    private Map<String, BigDecimal[]> exchangeMarks(List<PairRecord> pairs) {
        Map<String, BigDecimal[]> marks = new HashMap<>();
        for (PairRecord pair : pairs) {
            marks.computeIfAbsent(pair.symbol(), symbol -> new BigDecimal[]{venue.spotPrice(symbol),
                    venue.perpMark(symbol).markPrice()});
        }
        return marks;
    }

    /** Each active pair's unrealised PnL; a pair whose symbol has no mark counts zero. */
    private static Map<PairId, BigDecimal> unrealised(List<PairRecord> pairs, Map<String, BigDecimal[]> marks) {
        Map<PairId, BigDecimal> byPair = new HashMap<>();
        for (PairRecord pair : pairs) {
            BigDecimal[] mark = marks.get(pair.symbol());
            if (mark != null) {
                byPair.put(pair.pairId(), pair.spot().unrealised(mark[0], false).add(pair.perp().unrealised(mark[1], true)));
            }
        }
        return byPair;
    }
}
