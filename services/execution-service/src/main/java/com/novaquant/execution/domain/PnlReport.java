package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The books over a window: the headline figures and the realised PnL split by pair, symbol and UTC day.
 *
 * @param summary           realised in the window plus the change in unrealised over it
 * @param unrealisedNow     open quantities' price PnL at the marks now
 * @param unrealisedAtStart the sampled unrealised PnL at the window's start (zero when none was sampled)
 * @param startSampled      whether a sample at or before the window's start existed
 * @param markSource        where the marks came from ({@code exchange}, or {@code signal mids} when it could not be read)
 */
public record PnlReport(Instant from, Instant to, PnlSummary summary, BigDecimal unrealisedNow,
                        BigDecimal unrealisedAtStart, boolean startSampled, String markSource,
                        List<PnlRow> byPair, List<PnlRow> bySymbol, List<PnlRow> byDay) {

    public PnlReport {
        byPair = List.copyOf(byPair);
        bySymbol = List.copyOf(bySymbol);
        byDay = List.copyOf(byDay);
    }
}
