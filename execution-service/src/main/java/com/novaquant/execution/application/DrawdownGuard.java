package com.novaquant.execution.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Engages the kill switch when the last 24 hours lost more than the limit (realised, unrealised, funding and fees
 * from the ledger): a strategy losing that much is not behaving as designed, and a human should look first.
 */
public class DrawdownGuard {

    private final Ledger ledger;
    private final Marks marks;
    private final KillSwitch killSwitch;
    private final BigDecimal maxDailyLoss;
    private final Clock clock;

    public DrawdownGuard(Ledger ledger, Marks marks, KillSwitch killSwitch, BigDecimal maxDailyLoss, Clock clock) {
        this.ledger = ledger;
        this.marks = marks;
        this.killSwitch = killSwitch;
        this.maxDailyLoss = maxDailyLoss;
        this.clock = clock;
    }

    /** Returns true when the limit is broken (and the kill switch engaged). */
    public boolean check() {
        BigDecimal total = ledger.pnl(clock.instant().minus(Duration.ofHours(24)), marks.snapshot()).total();
        if (total.negate().compareTo(maxDailyLoss) > 0) {
            killSwitch.engage("DRAWDOWN: 24h PnL " + total.toPlainString() + " USDT beyond the limit of -"
                    + maxDailyLoss.toPlainString(), "execution-service");
            return true;
        }
        return false;
    }
}
