package com.novaquant.binance.outcome;

import com.novaquant.binance.terms.OrderStatus;
import com.novaquant.binance.terms.Venue;
import java.math.BigDecimal;
import java.util.List;

/**
 * The state of one order as Binance reported it (place, query, cancel and open-orders responses).
 *
 * @param orderId          exchange order id
 * @param clientOrderId    our {@code newClientOrderId}
 * @param side             {@code BUY}/{@code SELL} as sent by Binance (string: unknown values are kept, not dropped)
 * @param type             order type string as sent by Binance
 * @param status           parsed status
 * @param price            limit price, zero for MARKET
 * @param originalQty      {@code origQty}
 * @param executedQty      {@code executedQty}
 * @param cumulativeQuote  spot {@code cummulativeQuoteQty} / USD-M {@code cumQuote}; zero when Binance omits it
 *                         (ACK responses) and may be negative for historic spot orders (Binance: not available)
 * @param averagePrice     USD-M {@code avgPrice}; on spot computed as cumulativeQuote / executedQty; zero when
 *                         nothing executed
 * @param fills            spot FULL fills with commission; empty on USD-M
 * @param updateTimeMs     {@code transactTime} / {@code updateTime} (ms since epoch), 0 when absent
 */
public record OrderSnapshot(
        Venue venue,
        String symbol,
        long orderId,
        String clientOrderId,
        String side,
        String type,
        OrderStatus status,
        BigDecimal price,
        BigDecimal originalQty,
        BigDecimal executedQty,
        BigDecimal cumulativeQuote,
        BigDecimal averagePrice,
        List<Fill> fills,
        long updateTimeMs) {

    public OrderSnapshot {
        fills = List.copyOf(fills);
    }

    /** Sum of the fills' commission in the given asset (zero when there are no such fills). */
    public BigDecimal commissionIn(String asset) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Fill fill : fills) {
            if (asset.equals(fill.commissionAsset())) {
                sum = sum.add(fill.commission());
            }
        }
        return sum;
    }
}
