package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.domain.accounts.Position;

import java.math.BigDecimal;
import java.util.List;

/** A USD-M account valued at the current mark prices, for the balance/account/positionRisk endpoints. */
public record FuturesSnapshot(BigDecimal wallet, BigDecimal unrealisedPnl, BigDecimal positionInitialMargin,
                              BigDecimal openOrderInitialMargin, BigDecimal availableBalance,
                              List<PositionLine> positions, boolean multiAssetsMargin) {

    public BigDecimal marginBalance() {
        return wallet.add(unrealisedPnl);
    }

    /** One symbol's position with its valuation. */
    public record PositionLine(Position position, BigDecimal markPrice, BigDecimal unrealisedPnl,
                               BigDecimal initialMargin, int leverage, MarginType marginType) {
    }
}
