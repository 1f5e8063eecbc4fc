package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.FundingPaymentEvent;
import com.novaquant.events.Topics;
import com.novaquant.execution.domain.IncomeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the futures account's income history (funding, commission, realised PnL) into the books. It reads on a slow
 * period, and within a minute of each funding time of a symbol the desk holds: the next funding time comes from
 * {@code premiumIndex}, and after it passes the history is read {@link #SETTLE} later, then every {@link #RETRY}
 * until the symbol's payment is there or {@link #GIVE_UP} has passed. A pair open for less than the slow period
 * still sees its funding.
 */
public class IncomeSync {

    private static final Logger log = LoggerFactory.getLogger(IncomeSync.class);
    /** How far back the first read looks when the books hold no income yet. */
    private static final Duration FIRST_LOOKBACK = Duration.ofDays(7);
    /** Read again from a little before the newest stored entry: an entry can appear after a later one. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final Duration RETRY = Duration.ofSeconds(15);
    static final Duration GIVE_UP = Duration.ofMinutes(2);

    private final TradingVenue venue;
    private final Ledger ledger;
    private final Books books;
    private final ExecutionEvents events;
    private final ExecutionMetrics metrics;
    private final Duration period;
    private final Clock clock;
    /** symbol to its next funding time (epoch ms) not yet seen paid. */
    private final Map<String, Long> awaitedFunding = new HashMap<>();
    private long lastReadMs;

    public IncomeSync(TradingVenue venue, Ledger ledger, Books books, ExecutionEvents events, ExecutionMetrics metrics,
                      Duration period, Clock clock) {
        this.venue = venue;
        this.ledger = ledger;
        this.books = books;
        this.events = events;
        this.metrics = metrics;
        this.period = period;
        this.clock = clock;
    }

    /** Called every few seconds: reads the income history when a funding time or the period says so. */
    public synchronized void tick() {
        learnFundingTimes();
        long now = clock.millis();
        if (fundingDue(now) || now - lastReadMs >= period.toMillis()) {
            read();
        }
    }

    /** Reads the income history now. Returns how many new entries were stored. */
    public synchronized int read() {
        long latest = books.latestIncomeTimeMs();
        long now = clock.millis();
        long from = latest == 0 ? now - FIRST_LOOKBACK.toMillis() : latest - OVERLAP.toMillis();
        List<IncomeEntry> stored = books.recordIncome(venue.income(from, null));
        lastReadMs = now;
        for (IncomeEntry entry : stored) {
            if (entry.funding()) {
                metrics.fundingReceived(entry.amount().doubleValue());
                events.publish(Topics.EXEC_EVENTS, new FundingPaymentEvent(entry.symbol(), entry.amount(),
                        entry.asset(), entry.timeMs(), entry.tranId(), EpochMicros.now(clock)));
            }
        }
        awaitedFunding.entrySet().removeIf(e -> books.latestFundingTimeMs(e.getKey()) >= e.getValue()
                || now > e.getValue() + GIVE_UP.toMillis());
        if (!stored.isEmpty()) {
            log.info("Stored {} income entries", stored.size());
        }
        return stored.size();
    }

    private boolean fundingDue(long now) {
        for (long fundingTime : awaitedFunding.values()) {
            long firstRead = fundingTime + SETTLE.toMillis();
            if (now >= firstRead && (lastReadMs < firstRead || now - lastReadMs >= RETRY.toMillis())) {
                return true;
            }
        }
        return false;
    }

    /** The next funding time of each held symbol not awaited yet. A symbol sold since stays awaited. */
    private void learnFundingTimes() {
        for (PairRecord pair : ledger.activePairs()) {
            if (pair.perp().quantity().signum() == 0 || awaitedFunding.containsKey(pair.symbol())) {
                continue;
            }
            try {
                awaitedFunding.put(pair.symbol(), venue.perpMark(pair.symbol()).nextFundingTimeMs());
            } catch (VenueUnavailableException e) {
                log.debug("Next funding time of {} unreadable: {}", pair.symbol(), e.getMessage());
            }
        }
    }
}
