package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.execution.domain.PnlSummary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The once-a-day INFO alert DAILY_SUMMARY: "24h PnL: +$42.15 | Total Trades: 128 | Win Rate: 98%", from the ledger. */
public class DailySummary {

    private final Ledger ledger;
    private final Marks marks;
    private final Alerts alerts;
    private final Clock clock;
    private final LocalTime at;

    public DailySummary(Ledger ledger, Marks marks, Alerts alerts, Clock clock, LocalTime at) {
        this.ledger = ledger;
        this.marks = marks;
        this.alerts = alerts;
        this.clock = clock;
        this.at = at;
    }

    public String send() {
        PnlSummary pnl = ledger.pnl(clock.instant().minus(Duration.ofHours(24)), marks.snapshot());
        String line = pnl.dailyLine(24);
        alerts.raise(Severity.INFO, "DAILY_SUMMARY", line, "daily-summary-" + clock.instant().toEpochMilli() / 86_400_000L);
        return line;
    }

    /** Time until the next configured summary instant (UTC). */
    public Duration untilNext() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }
}
