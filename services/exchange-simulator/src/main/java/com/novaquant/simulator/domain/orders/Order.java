package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One order as the exchange keeps it. Mutable, and only ever touched under the exchange's lock; the
 * web layer reads {@link #view()} copies.
 */
public final class Order {

    private final Venue venue;
    private final long orderId;
    private final String clientOrderId;
    private final String apiKey;
    private final String symbol;
    private final Side side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final BigDecimal price;
    private final BigDecimal origQty;
    private final BigDecimal origQuoteOrderQty;
    private final boolean reduceOnly;
    private final long time;
    private final List<TradeFill> fills = new ArrayList<>();
    private BigDecimal executedQty = BigDecimal.ZERO;
    private BigDecimal cumQuote = BigDecimal.ZERO;
    private OrderStatus status = OrderStatus.NEW;
    private long updateTime;

    public Order(Venue venue, long orderId, String clientOrderId, String apiKey, OrderRequest request,
                 BigDecimal origQty, long time) {
        this.venue = venue;
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.apiKey = apiKey;
        this.symbol = request.symbol();
        this.side = request.side();
        this.type = request.type();
        this.timeInForce = request.timeInForce() == null ? TimeInForce.GTC : request.timeInForce();
        this.price = request.price() == null ? BigDecimal.ZERO : request.price();
        this.origQty = origQty;
        this.origQuoteOrderQty = request.quoteOrderQty() == null ? BigDecimal.ZERO : request.quoteOrderQty();
        this.reduceOnly = request.reduceOnly();
        this.time = time;
        this.updateTime = time;
    }

    /**
     * Records one execution with its trade id, commission and the PnL it realised (always zero on spot), so the
     * trade history can be served later exactly as the balances moved.
     */
    public void addFill(Fill fill, long tradeId, BigDecimal commission, String commissionAsset, BigDecimal realizedPnl,
                        long at) {
        fills.add(new TradeFill(fill, tradeId, commission, commissionAsset, realizedPnl, at));
        executedQty = executedQty.add(fill.qty());
        cumQuote = cumQuote.add(fill.quote());
        status = executedQty.compareTo(origQty) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updateTime = at;
    }

    public void finish(OrderStatus finalStatus, long at) {
        status = finalStatus;
        updateTime = at;
    }

    public BigDecimal remainingQty() {
        return origQty.subtract(executedQty);
    }

    public BigDecimal averagePrice() {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
                : cumQuote.divide(executedQty, 8, RoundingMode.HALF_EVEN);
    }

    public OrderView view() {
        return new OrderView(venue, orderId, clientOrderId, symbol, side, type, timeInForce, price, origQty,
                origQuoteOrderQty, executedQty, cumQuote, status, reduceOnly, time, updateTime, List.copyOf(fills));
    }

    public Venue venue() {
        return venue;
    }

    public long orderId() {
        return orderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public String apiKey() {
        return apiKey;
    }

    public String symbol() {
        return symbol;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal origQty() {
        return origQty;
    }

    public BigDecimal executedQty() {
        return executedQty;
    }

    public OrderStatus status() {
        return status;
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    /** An execution of this order: the fill plus its exchange trade id, commission, realised PnL and time. */
    public record TradeFill(Fill fill, long tradeId, BigDecimal commission, String commissionAsset,
                            BigDecimal realizedPnl, long time) {
    }
}
