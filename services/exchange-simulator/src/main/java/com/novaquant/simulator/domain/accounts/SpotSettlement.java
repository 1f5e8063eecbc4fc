package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.RejectedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How spot orders move a paper account's balances: what an order must find free and what a LIMIT order locks, what
 * each fill takes and gives with its commission (in the asset received, or in BNB with {@link BnbBurn}), and what a
 * LIMIT order that ends unfilled gives back. Touched only under the exchange's lock.
 */
public final class SpotSettlement {

    private static final int COMMISSION_SCALE = 8;

    private final FeeSchedule fees;
    private final BnbBurn bnbBurn;

    public SpotSettlement(FeeSchedule fees, BnbBurn bnbBurn) {
        this.fees = fees;
        this.bnbBurn = bnbBurn;
    }

    /**
     * Refuses (-2010) an order the free balance cannot pay for: a BUY spends {@code buyCost} of the quote asset, a
     * SELL {@code qty} of the base asset. A LIMIT order locks that amount until it fills or ends.
     */
    public void reserve(SpotAccount spot, Instrument instrument, Side side, boolean limit, BigDecimal qty,
                        BigDecimal buyCost) {
        boolean buy = side == Side.BUY;
        String asset = buy ? instrument.quoteAsset() : instrument.baseAsset();
        BigDecimal amount = buy ? buyCost : qty;
        if (!spot.canSpend(asset, amount)) {
            throw new RejectedException(-2010, "Account has insufficient balance for requested action.");
        }
        if (limit) {
            spot.lock(asset, amount);
        }
    }

    /** Moves the balances of one fill of {@code order} and records the fill on it under {@code tradeId}. */
    public void settle(SpotAccount spot, Instrument instrument, Order order, Fill fill, long tradeId, long now) {
        String base = instrument.baseAsset();
        String quote = instrument.quoteAsset();
        boolean buy = order.side() == Side.BUY;
        if (order.type() == OrderType.LIMIT && buy) {
            BigDecimal reserved = order.price().multiply(fill.qty());
            spot.spendLocked(quote, reserved);
            spot.credit(quote, reserved.subtract(fill.quote()));
        } else if (buy) {
            spot.spendFree(quote, fill.quote());
        } else if (order.type() == OrderType.LIMIT) {
            spot.spendLocked(base, fill.qty());
        } else {
            spot.spendFree(base, fill.qty());
        }
        // Asked between the debit and the credit: neither BNB being sold nor BNB being bought pays the commission.
        BigDecimal rate = fees.rate(Venue.SPOT, fill.maker());
        Optional<BigDecimal> inBnb = bnbBurn.commission(spot, quote, fill.quote().multiply(rate));
        String received = buy ? base : quote;
        BigDecimal receivedAmount = buy ? fill.qty() : fill.quote();
        BigDecimal commission;
        String commissionAsset;
        if (inBnb.isPresent()) {
            commission = inBnb.get();
            commissionAsset = BnbBurn.ASSET;
            spot.spendFree(BnbBurn.ASSET, commission);
            spot.credit(received, receivedAmount);
        } else {
            // Commission is charged in the asset received.
            commission = receivedAmount.multiply(rate).setScale(COMMISSION_SCALE, RoundingMode.HALF_UP);
            commissionAsset = received;
            spot.credit(received, receivedAmount.subtract(commission));
        }
        order.addFill(fill, tradeId, commission, commissionAsset, BigDecimal.ZERO, now);
    }

    /** Unlocks what an open LIMIT order still holds; a MARKET order holds nothing. */
    public void release(SpotAccount spot, Instrument instrument, Order order) {
        if (order.type() != OrderType.LIMIT) {
            return;
        }
        BigDecimal remaining = order.remainingQty();
        if (order.side() == Side.BUY) {
            spot.unlock(instrument.quoteAsset(), order.price().multiply(remaining));
        } else {
            spot.unlock(instrument.baseAsset(), remaining);
        }
    }
}
