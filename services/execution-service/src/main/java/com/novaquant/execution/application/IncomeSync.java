package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.FundingPaymentEvent;
import com.novaquant.events.Topics;
import com.novaquant.execution.domain.FundingReadSchedule;
import com.novaquant.execution.domain.IncomeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Reads the futures account's income history (funding, commission, realised PnL) into the books, on a slow period
 * and within a minute of each funding time of a symbol the desk holds ({@link FundingReadSchedule}; the next funding
 * time comes from {@code premiumIndex}). A pair open for less than the slow period still sees its funding.
 */
public class IncomeSync {

    private static final Logger log = LoggerFactory.getLogger(IncomeSync.class);
    /** How far back the first read looks when the books hold no income yet. */
    private static final Duration FIRST_LOOKBACK = Duration.ofDays(7);
    /**
     * Read again from well before the newest stored entry: an entry can enter the history after a later one (stored
     * entries are skipped by their ids).
     */
    private static final Duration OVERLAP = Duration.ofMinutes(10);

    private final TradingVenue venue;
    private final Ledger ledger;
    private final Books books;
    private final ExecutionEvents events;
    private final ExecutionMetrics metrics;
    private final FundingReadSchedule schedule;
    private final Clock clock;

    public IncomeSync(TradingVenue venue, Ledger ledger, Books books, ExecutionEvents events, ExecutionMetrics metrics,
                      Duration period, Clock clock) {
        this.venue = venue;
        this.ledger = ledger;
        this.books = books;
        this.events = events;
        this.metrics = metrics;
        this.schedule = new FundingReadSchedule(period);
        this.clock = clock;
    }

    /** Called every few seconds: reads the income history when a funding time or the period says so. */
    public synchronized void tick() {
        learnFundingTimes();
        if (schedule.due(clock.millis())) {
            read();
        }
    }

    /** Reads the income history now. Returns how many new entries were stored. */
    public synchronized int read() {
        long latest = books.latestIncomeTimeMs();
        long now = clock.millis();
        long from = latest == 0 ? now - FIRST_LOOKBACK.toMillis() : latest - OVERLAP.toMillis();
        List<IncomeEntry> stored = books.recordIncome(venue.income(from, null));
        for (IncomeEntry entry : stored) {
            if (entry.funding()) {
                metrics.fundingReceived(entry.amount().doubleValue());
                events.publish(Topics.EXEC_EVENTS, new FundingPaymentEvent(entry.symbol(), entry.amount(),
                        entry.asset(), entry.timeMs(), entry.tranId(), EpochMicros.now(clock)));
            }
        }
        schedule.read(now, books::latestFundingTimeMs);
        if (!stored.isEmpty()) {
            log.info("Stored {} income entries", stored.size());
        }
        return stored.size();
    }

    /** The next funding time of each held symbol not awaited yet. A symbol sold since stays awaited. */
    private void learnFundingTimes() {
        for (PairRecord pair : ledger.activePairs()) {
            if (pair.perp().quantity().signum() == 0 || schedule.awaits(pair.symbol())) {
                continue;
            }
            try {
                schedule.await(pair.symbol(), venue.perpMark(pair.symbol()).nextFundingTimeMs());
            } catch (VenueUnavailableException e) {
                log.debug("Next funding time of {} unreadable: {}", pair.symbol(), e.getMessage());
            }
        }
    }
}
