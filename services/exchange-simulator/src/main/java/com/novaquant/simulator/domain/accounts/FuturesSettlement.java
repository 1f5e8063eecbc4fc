package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.Order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How USD-M fills and funding move a paper account: the position, the USDT wallet (realised PnL, commission, funding)
 * and an income row for each movement, numbered with Binance-like transaction ids. Touched only under the exchange's
 * lock.
 */
public final class FuturesSettlement {

    private static final int SCALE = 8;

    private final FeeSchedule fees;
    private long lastTranId = 5_550_000_000L;

    public FuturesSettlement(FeeSchedule fees) {
        this.fees = fees;
    }

    /** The commission rate of a taker fill, which an order's margin check reserves on top of its initial margin. */
    public BigDecimal takerRate() {
        return fees.futuresTaker();
    }

    /**
     * Applies one fill of {@code order} to the position and the wallet, records it on the order under
     * {@code tradeId} and adds its COMMISSION (and any REALIZED_PNL) income; answers the PnL it realised.
     */
    public BigDecimal settle(FuturesAccount futures, Order order, Fill fill, long tradeId, long now) {
        String symbol = order.symbol();
        BigDecimal commission = fill.quote().multiply(fees.rate(Venue.USDM, fill.maker())).setScale(SCALE, RoundingMode.HALF_UP);
        Position.Applied applied = futures.position(symbol)
                .apply(fill.qty().multiply(BigDecimal.valueOf(order.side().sign())), fill.price());
        futures.setPosition(applied.position());
        futures.addToWallet(applied.realisedPnl().subtract(commission));
        order.addFill(fill, tradeId, commission, FuturesAccount.ASSET, applied.realisedPnl(), now);
        futures.addIncome(new IncomeRecord(symbol, "COMMISSION", commission.negate(), FuturesAccount.ASSET, now,
                ++lastTranId, String.valueOf(tradeId)));
        if (applied.realisedPnl().signum() != 0) {
            futures.addIncome(new IncomeRecord(symbol, "REALIZED_PNL", applied.realisedPnl(), FuturesAccount.ASSET, now,
                    ++lastTranId, String.valueOf(tradeId)));
        }
        return applied.realisedPnl();
    }

    /**
     * Settles funding of {@code symbol} on the account: its position pays notional x mark x rate (longs pay shorts when
     * the rate is positive) as a FUNDING_FEE income; answers the payment, or empty when the account holds no position.
     */
    public Optional<BigDecimal> settleFunding(FuturesAccount futures, String symbol, BigDecimal mark, BigDecimal rate,
                                              long now) {
        Position position = futures.position(symbol);
        if (position.amount().signum() == 0) {
            return Optional.empty();
        }
        BigDecimal payment = position.notional(mark).multiply(rate).negate().setScale(SCALE, RoundingMode.HALF_EVEN);
        futures.addToWallet(payment);
        futures.addIncome(new IncomeRecord(symbol, "FUNDING_FEE", payment, FuturesAccount.ASSET, now, ++lastTranId, ""));
        return Optional.of(payment);
    }
}
