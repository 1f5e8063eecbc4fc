package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.RejectedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The simulator's USD-M margin, cross and in USDT whatever the account's modes say. A position or an open order holds
 * |notional| / the symbol's leverage as initial margin; maintenance margin is a fixed share of it, since the simulator
 * does not liquidate; the available balance is wallet + unrealised PnL - position margin - open-order margin, and an
 * order that opens or adds to a position must find its initial margin plus the taker fee there (-2019).
 */
public final class MarginRule {

    private static final BigDecimal MAINTENANCE_SHARE = new BigDecimal("0.2");
    private static final int SCALE = 8;

    private MarginRule() {
    }

    /** The initial margin of {@code notional} on {@code symbol} at the account's leverage, rounded up. */
    public static BigDecimal initialMargin(FuturesAccount futures, String symbol, BigDecimal notional) {
        return notional.divide(BigDecimal.valueOf(futures.leverage(symbol)), SCALE, RoundingMode.UP);
    }

    public static BigDecimal maintenance(BigDecimal initialMargin) {
        return initialMargin.multiply(MAINTENANCE_SHARE).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The initial margin held by the account's positions at the given mark prices. */
    public static BigDecimal positionMargin(FuturesAccount futures, Function<String, BigDecimal> markPrice) {
        BigDecimal total = BigDecimal.ZERO;
        for (Position p : futures.positions()) {
            if (p.amount().signum() != 0) {
                total = total.add(initialMargin(futures, p.symbol(), p.notional(markPrice.apply(p.symbol())).abs()));
            }
        }
        return total;
    }

    /** The initial margin held by the account's open orders: what each still wants, at its own price. */
    public static BigDecimal openOrderMargin(FuturesAccount futures, List<Order> openOrders) {
        BigDecimal total = BigDecimal.ZERO;
        for (Order order : openOrders) {
            total = total.add(initialMargin(futures, order.symbol(), order.remainingQty().multiply(order.price())));
        }
        return total;
    }

    public static BigDecimal available(FuturesAccount futures, Function<String, BigDecimal> markPrice,
                                       List<Order> openOrders) {
        return available(futures.wallet(), futures.unrealisedPnl(markPrice), positionMargin(futures, markPrice),
                openOrderMargin(futures, openOrders));
    }

    /** What the account may still commit: the wallet and its unrealised PnL, less the margin positions and orders hold. */
    private static BigDecimal available(BigDecimal wallet, BigDecimal unrealised, BigDecimal positionMargin,
                                        BigDecimal orderMargin) {
        return wallet.add(unrealised).subtract(positionMargin).subtract(orderMargin);
    }

    /**
     * Refuses (-2019) an order of {@code qty} at {@code price} whose part that opens or adds to the position needs
     * more initial margin and taker fee than is available; the part that only reduces the position needs none.
     */
    public static void requireFor(FuturesAccount futures, String symbol, Side side, BigDecimal qty, BigDecimal price,
                                  BigDecimal takerRate, Function<String, BigDecimal> markPrice, List<Order> openOrders) {
        Position position = futures.position(symbol);
        BigDecimal increasing = position.amount().signum() == -side.sign()
                ? qty.subtract(position.amount().abs()).max(BigDecimal.ZERO) : qty;
        if (increasing.signum() <= 0) {
            return;
        }
        BigDecimal notional = increasing.multiply(price);
        BigDecimal required = initialMargin(futures, symbol, notional).add(notional.multiply(takerRate));
        if (required.compareTo(available(futures, markPrice, openOrders)) > 0) {
            throw new RejectedException(-2019, "Margin is insufficient.");
        }
    }

    /** The account valued at the markets' mark prices, a line for every listed symbol. */
    public static FuturesSnapshot snapshot(FuturesAccount futures, Markets markets, List<Order> openOrders) {
        Function<String, BigDecimal> markPrice = markets::markPrice;
        List<FuturesSnapshot.PositionLine> lines = new ArrayList<>();
        for (SymbolMarket market : markets.all()) {
            String symbol = market.instrument().symbol();
            Position position = futures.position(symbol);
            BigDecimal mark = market.markPrice();
            lines.add(new FuturesSnapshot.PositionLine(position, mark, position.unrealisedPnl(mark),
                    initialMargin(futures, symbol, position.notional(mark).abs()), futures.leverage(symbol),
                    futures.modes().marginType(symbol)));
        }
        BigDecimal unrealised = futures.unrealisedPnl(markPrice);
        BigDecimal positionMargin = positionMargin(futures, markPrice);
        BigDecimal orderMargin = openOrderMargin(futures, openOrders);
        BigDecimal available = available(futures.wallet(), unrealised, positionMargin, orderMargin);
        return new FuturesSnapshot(futures.wallet(), unrealised, positionMargin, orderMargin, available, lines,
                futures.modes().multiAssetsMargin());
    }
}
