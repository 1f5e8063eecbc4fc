package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.execution.domain.MarginLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the perp short's margin: the account margin ratio and each position's distance to liquidation. WARNING
 * raises MARGIN_WARNING; CRITICAL raises MARGIN_CRITICAL and reduces every pair on both legs together.
 */
public class MarginWatch {

    private static final Logger log = LoggerFactory.getLogger(MarginWatch.class);

    private final TradingVenue venue;
    private final Ledger ledger;
    private final OperatorActions operator;
    private final MarginAlarm alarm;
    private final Alerts alerts;
    private final MarginLevel levels;
    private final BigDecimal reduceFraction;
    private final AtomicReference<BigDecimal> lastRatio = new AtomicReference<>(BigDecimal.ZERO);

    public MarginWatch(TradingVenue venue, Ledger ledger, OperatorActions operator, MarginAlarm alarm, Alerts alerts,
                       MarginLevel levels, BigDecimal reduceFraction) {
        this.venue = venue;
        this.ledger = ledger;
        this.operator = operator;
        this.alarm = alarm;
        this.alerts = alerts;
        this.levels = levels;
        this.reduceFraction = reduceFraction;
    }

    public MarginLevel.Level check() {
        TradingVenue.MarginAccount account = venue.marginAccount();
        BigDecimal ratio = account.marginBalance().signum() <= 0 ? BigDecimal.ZERO
                : account.maintMargin().divide(account.marginBalance(), MathContext.DECIMAL64);
        lastRatio.set(ratio);
        MarginLevel.Level worst = levels.classify(ratio, null);
        StringBuilder detail = new StringBuilder("margin ratio " + ratio.round(new MathContext(3)).toPlainString());
        for (TradingVenue.PerpPosition position : venue.perpPositions()) {
            BigDecimal distance = MarginLevel.liquidationDistance(position.markPrice(), position.liquidationPrice());
            MarginLevel.Level level = levels.classify(ratio, distance);
            if (level.compareTo(worst) > 0) {
                worst = level;
            }
            if (distance != null) {
                detail.append(", ").append(position.symbol()).append(" liquidation ")
                        .append(distance.multiply(BigDecimal.valueOf(100)).round(new MathContext(3)).toPlainString())
                        .append("% away");
            }
        }
        if (worst != MarginLevel.Level.CRITICAL) {
            alarm.set(false);
        }
        switch (worst) {
            case WARNING -> alerts.raise(Severity.WARNING, "MARGIN_WARNING", "Margin warning: " + detail, "margin");
            case CRITICAL -> {
                alerts.raise(Severity.CRITICAL, "MARGIN_CRITICAL", "Margin critical: " + detail
                        + ". Reducing both legs by " + reduceFraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%.", "margin");
                log.error("Margin critical ({}): reducing pairs", detail);
                // Nothing grows while this holds; each pair is re-read and decided under the desk.
                alarm.set(true);
                for (PairRecord pair : ledger.activePairs()) {
                    operator.reduce(pair.pairId(), reduceFraction, "margin");
                }
            }
            case OK -> {
            }
        }
        return worst;
    }

    public double marginRatio() {
        return lastRatio.get().doubleValue();
    }
}
