package com.novaquant.simulator.domain.accounts;

import java.math.BigDecimal;
import java.util.List;

/**
 * A USD-M account valued at the current mark prices (by {@link MarginRule#snapshot}): a consistent copy, safe to render
 * outside the exchange's lock.
 */
public record FuturesSnapshot(BigDecimal wallet, BigDecimal unrealisedPnl, BigDecimal positionInitialMargin,
                              BigDecimal openOrderInitialMargin, BigDecimal availableBalance,
                              List<PositionLine> positions, boolean multiAssetsMargin) {

    public BigDecimal marginBalance() {
        return wallet.add(unrealisedPnl);
    }

    /** The initial margin of positions and open orders together. */
    public BigDecimal initialMargin() {
        return positionInitialMargin.add(openOrderInitialMargin);
    }

    public BigDecimal maintMargin() {
        return MarginRule.maintenance(positionInitialMargin);
    }

    /** What could leave the wallet: the available balance, never below zero nor above the wallet. */
    public BigDecimal maxWithdrawAmount() {
        return availableBalance.max(BigDecimal.ZERO).min(wallet);
    }

    /** One symbol's position with its valuation. */
    public record PositionLine(Position position, BigDecimal markPrice, BigDecimal unrealisedPnl,
                               BigDecimal initialMargin, int leverage, MarginType marginType) {

        public BigDecimal notional() {
            return position.notional(markPrice);
        }

        public BigDecimal maintMargin() {
            return MarginRule.maintenance(initialMargin);
        }
    }
}
