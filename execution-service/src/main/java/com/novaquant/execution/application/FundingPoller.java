package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.FundingPaymentEvent;
import com.novaquant.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/** Polls the futures income endpoint for funding payments, stores each once and credits the symbol's pair. */
public class FundingPoller {

    private static final Logger log = LoggerFactory.getLogger(FundingPoller.class);
    /** How far back the first poll looks when the ledger has no payment yet. */
    private static final Duration FIRST_LOOKBACK = Duration.ofDays(7);

    private final TradingVenue venue;
    private final Ledger ledger;
    private final ExecutionEvents events;
    private final ExecutionMetrics metrics;
    private final Clock clock;

    public FundingPoller(TradingVenue venue, Ledger ledger, ExecutionEvents events, ExecutionMetrics metrics, Clock clock) {
        this.venue = venue;
        this.ledger = ledger;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns how many new payments were stored. */
    public int poll() {
        long latest = ledger.latestFundingTimeMs();
        long since = latest == 0 ? clock.millis() - FIRST_LOOKBACK.toMillis() : latest;
        int stored = 0;
        for (TradingVenue.FundingIncome income : venue.fundingIncome(since)) {
            if (ledger.recordFunding(income)) {
                stored++;
                metrics.fundingReceived(income.amount().doubleValue());
                events.publish(Topics.EXEC_EVENTS, new FundingPaymentEvent(income.symbol(), income.amount(),
                        income.asset(), income.timeMs(), income.tranId(), EpochMicros.now(clock)));
            }
        }
        if (stored > 0) {
            log.info("Stored {} funding payments", stored);
        }
        return stored;
    }
}
