package com.novaquant.execution.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Engages the kill switch when the last 24 hours lost more than the limit (basis, funding and fees from the books plus
 * the change in unrealised PnL): a strategy losing that much is not behaving as designed, and a human should look
 * first. A safety control waits on nothing that may be down: open positions are valued at the signals' mid prices.
 */
public class DrawdownGuard {

    private final PnlReader pnl;
    private final KillSwitch killSwitch;
    private final BigDecimal maxDailyLoss;
    private final Clock clock;

    public DrawdownGuard(PnlReader pnl, KillSwitch killSwitch, BigDecimal maxDailyLoss, Clock clock) {
        this.pnl = pnl;
        this.killSwitch = killSwitch;
        this.maxDailyLoss = maxDailyLoss;
        this.clock = clock;
    }

    /** Returns true when the limit is broken (and the kill switch engaged). */
    public boolean check() {
        BigDecimal total = pnl.reportAtSignalMids(clock.instant().minus(Duration.ofHours(24))).summary().total();
        if (total.negate().compareTo(maxDailyLoss) > 0) {
            killSwitch.engage("DRAWDOWN: 24h PnL " + total.toPlainString() + " USDT beyond the limit of -"
                    + maxDailyLoss.toPlainString(), "execution-service");
            return true;
        }
        return false;
    }
}
