package com.novaquant.execution.application;

import com.novaquant.execution.domain.PairSizing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;

/**
 * Books the spot commission the ledger could not see. Binance's order query carries no commission, so a spot buy
 * learned by query is booked as if all of it arrived while the account holds it less its commission in kind. When
 * the account holds less than the ledger's spot leg by no more than commission could explain (0.2 % of what the leg
 * bought, with headroom over Binance's 0.1 %), the difference is booked as commission in kind; anything more is a
 * real shortfall, left for reconciliation to report. What is adopted here is remembered, so that the order's trade
 * records, booked later ({@link TradeBooking}), value that commission without taking it from the leg again.
 */
class UnbookedCommission {

    private static final Logger log = LoggerFactory.getLogger(UnbookedCommission.class);

    private final Ledger ledger;

    UnbookedCommission(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Books what the ledger could not see of the pair's commission, then tells what the pair may sell.
     *
     * @param accountHolds the base asset the account holds now (closed pairs' residue included)
     * @return the spot the pair holds and may sell: its leg, never more than its share of the account
     */
    BigDecimal sellable(PairRecord pair, BigDecimal accountHolds) {
        BigDecimal share = accountHolds.subtract(ledger.closedSpotResidue(pair.symbol())).max(BigDecimal.ZERO);
        BigDecimal shortfall = pair.spot().quantity().subtract(share);
        BigDecimal room = pair.spot().quantity().add(pair.spotCommission()).multiply(PairSizing.FEE_DUST);
        if (shortfall.signum() <= 0) {
            return pair.spot().quantity();
        }
        if (shortfall.compareTo(room) > 0) {
            return share;
        }
        log.info("Pair {} spot: taking the account's {} over the ledger's {} (commission in kind a query could not show)",
                pair.pairId(), share.toPlainString(), pair.spot().quantity().toPlainString());
        ledger.adoptSpotQuantity(pair.pairId(), share);
        return share;
    }
}
