package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.execution.domain.PnlReport;
import com.novaquant.execution.domain.PnlSummary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The once-a-day INFO alert DAILY_SUMMARY: "24h PnL: +$42.15 | Total Trades: 128 | Win Rate: 98%" from the books, and
 * under it the split of the realised part (basis, funding, fees) and the change in unrealised PnL.
 */
public class DailySummary {

    private final PnlReader pnl;
    private final Alerts alerts;
    private final Clock clock;
    private final LocalTime at;

    public DailySummary(PnlReader pnl, Alerts alerts, Clock clock, LocalTime at) {
        this.pnl = pnl;
        this.alerts = alerts;
        this.clock = clock;
        this.at = at;
    }

    public String send() {
        PnlReport report = pnl.report(clock.instant().minus(Duration.ofHours(24)));
        PnlSummary s = report.summary();
        String line = s.dailyLine(24) + "\nBasis " + PnlSummary.usd(s.realised())
                + " | Funding " + PnlSummary.usd(s.funding()) + " | Fees " + PnlSummary.usd(s.fees().negate())
                + " | Unrealised change " + PnlSummary.usd(s.unrealised()) + " (marks: " + report.markSource() + ")";
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
