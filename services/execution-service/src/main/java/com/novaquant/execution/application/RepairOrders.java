package com.novaquant.execution.application;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.SymbolFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;

/**
 * The one-leg orders of a leg-risk episode (re-hedge, unwind), sized to what the venue can trade: on its step, and
 * a spot sale never more than the account holds. Each carries the next attempt number of its kind in its client id,
 * so a restarted instance finds it instead of sending it again; when the numbers are used up the episode must halt.
 */
class RepairOrders {

    private static final Logger log = LoggerFactory.getLogger(RepairOrders.class);

    enum Sent { SENT, NOTHING, ATTEMPTS_USED_UP }

    private final TradingVenue venue;
    private final Ledger ledger;
    private final LegDispatcher dispatcher;
    private final UnbookedCommission commission;

    RepairOrders(TradingVenue venue, Ledger ledger, LegDispatcher dispatcher, UnbookedCommission commission) {
        this.venue = venue;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.commission = commission;
    }

    Sent send(Execution ex, Venue legVenue, Side side, BigDecimal wanted, OrderPurpose purpose) {
        SymbolFilters filters = venue.filters(legVenue, ex.symbol());
        BigDecimal quantity = legVenue == Venue.SPOT && side == Side.SELL
                ? wanted.min(sellableSpot(ex)) : wanted;
        quantity = filters.roundDown(quantity);
        if (quantity.signum() <= 0) {
            log.warn("Pair {}: {} of {} on {} rounds to nothing the venue can trade", ex.pairId(), purpose,
                    wanted.toPlainString(), legVenue);
            return Sent.NOTHING;
        }
        int attempt = (int) ledger.ordersOfSignal(ex.signalId()).stream()
                .filter(o -> o.purpose() == purpose && o.venue() == legVenue).count() + 1;
        if (attempt > ClientOrderIds.MAX_ATTEMPT) {
            log.error("Pair {}: {} attempts on {} used up ({})", ex.pairId(), purpose, legVenue, attempt - 1);
            return Sent.ATTEMPTS_USED_UP;
        }
        boolean reduceOnly = legVenue == Venue.USDM && side == Side.BUY;
        dispatcher.sendOne(ex, new LegOrder(ClientOrderIds.of(ex.signalId(), legVenue, purpose, attempt), ex.symbol(),
                legVenue, side, quantity, reduceOnly, purpose));
        return Sent.SENT;
    }

    /**
     * What the pair can sell on spot: its holding, but never more than the account has. A holding a little above the
     * account by no more than base-asset commission (a fill resolved by query reports none) is first taken as that
     * commission, so the sale empties the holding instead of leaving the difference as an imagined position.
     */
    private BigDecimal sellableSpot(Execution ex) {
        PairRecord pair = ledger.pair(ex.pairId()).orElseThrow();
        BigDecimal free = venue.balances(ex.symbol()).spotBaseFree();
        return commission.sellable(pair, free);
    }
}
