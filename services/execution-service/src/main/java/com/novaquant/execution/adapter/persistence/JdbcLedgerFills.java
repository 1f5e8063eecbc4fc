package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.Ledger.FillApplied;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.LegPosition;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.ids.ClientOrderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Order outcomes and the fills they carry, in PostgreSQL: the order row and the pair's legs change in one
 * transaction, and only the quantity not applied before moves the legs, so a fill reported twice counts once.
 */
class JdbcLedgerFills {

    private static final String QUOTE_ASSET = "USDT";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    JdbcLedgerFills(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    FillApplied recordOutcome(ClientOrderId clientOrderId, OrderStatus status, OrderReport report, int errorCode,
                                     String errorMessage, boolean retryable) {
        return tx.execute(txStatus -> {
            OrderRecord order = jdbc.sql("select * from orders where client_order_id = ? for update")
                    .param(clientOrderId.value()).query(LedgerRows.ORDER).single();
            BigDecimal applied = jdbc.sql("select applied_qty from orders where client_order_id = ?")
                    .param(clientOrderId.value()).query(BigDecimal.class).single();
            if (report == null) {
                jdbc.sql("""
                                update orders set status = ?, error_code = ?, error_message = ?, retryable = ?,
                                    completed_at = case when ? then ? else completed_at end
                                where client_order_id = ?""")
                        .params(status.name(), errorCode, errorMessage, retryable, status.terminal(), now(),
                                clientOrderId.value())
                        .update();
                return FillApplied.NONE;
            }
            jdbc.sql("""
                            update orders set status = ?, exchange_order_id = ?, executed_qty = ?, avg_price = ?, fee = ?,
                                fee_asset = ?, error_code = ?, error_message = ?, retryable = ?, applied_qty = greatest(applied_qty, ?),
                                completed_at = case when ? then ? else completed_at end
                            where client_order_id = ?""")
                    .params(status.name(), report.exchangeOrderId(), report.executedQty(), report.avgPrice(), report.fee(),
                            report.feeAsset(), errorCode, errorMessage, retryable, report.executedQty(), status.terminal(),
                            now(), clientOrderId.value())
                    .update();
            BigDecimal delta = report.executedQty().subtract(applied);
            if (delta.signum() <= 0) {
                return FillApplied.NONE;
            }
            BigDecimal price = report.avgPrice();
            // The fee of the newly applied part, pro rata when an order is reported in several steps.
            BigDecimal fee = report.executedQty().signum() == 0 ? BigDecimal.ZERO
                    : report.fee().multiply(delta).divide(report.executedQty(), java.math.MathContext.DECIMAL64);
            applyToPair(order, delta, price, fee, report.feeAsset());
            return new FillApplied(delta, price, fee, report.feeAsset());
        });
    }

    private void applyToPair(OrderRecord order, BigDecimal qty, BigDecimal price, BigDecimal fee, String feeAsset) {
        PairRecord pair = jdbc.sql("select * from pairs where pair_id = ? for update").param(order.pairId().value())
                .query(LedgerRows.PAIR).single();
        boolean spot = order.venue() == Venue.SPOT;
        LegPosition leg = spot ? pair.spot() : pair.perp();
        boolean grows = spot ? order.side() == Side.BUY : order.side() == Side.SELL;
        BigDecimal realised = BigDecimal.ZERO;
        LegPosition after;
        if (grows) {
            // A spot buy charged in the base asset delivers the quantity minus the commission: hold what arrived.
            BigDecimal received = spot && baseAsset(order.symbol()).equals(feeAsset) ? qty.subtract(fee) : qty;
            after = leg.grow(received, price);
        } else {
            BigDecimal closing = qty.min(leg.quantity());
            realised = leg.realised(closing, price, !spot);
            after = leg.shrink(closing);
        }
        BigDecimal feeUsdt = feeInQuote(order.symbol(), fee, feeAsset, price);
        String legColumns = spot ? "spot_qty = ?, spot_entry_price = ?" : "perp_qty = ?, perp_entry_price = ?";
        BigDecimal commissionInKind = spot && grows && baseAsset(order.symbol()).equals(feeAsset) ? fee : BigDecimal.ZERO;
        jdbc.sql("update pairs set " + legColumns + ", spot_commission = spot_commission + ?, realised_pnl = realised_pnl + ?,"
                        + " fees = fees + ?, updated_at = ? where pair_id = ?")
                .params(after.quantity(), after.entryPrice(), commissionInKind, realised, feeUsdt, now(),
                        pair.pairId().value())
                .update();
        jdbc.sql("""
                        insert into fills (client_order_id, pair_id, symbol, venue, side, quantity, price, fee, fee_asset,
                            fee_usdt, realised_pnl, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.clientOrderId().value(), pair.pairId().value(), order.symbol(), order.venue().name(),
                        order.side().name(),
                        qty, price, fee, feeAsset, feeUsdt, realised, now())
                .update();
    }

    private static String baseAsset(String symbol) {
        return symbol.endsWith(QUOTE_ASSET) ? symbol.substring(0, symbol.length() - QUOTE_ASSET.length()) : symbol;
    }

    /** Commission in USDT: quote-asset fees as they are, base-asset fees at the fill price; other assets (BNB) count 0. */
    static BigDecimal feeInQuote(String symbol, BigDecimal fee, String feeAsset, BigDecimal price) {
        if (fee.signum() == 0 || feeAsset == null || feeAsset.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (QUOTE_ASSET.equals(feeAsset)) {
            return fee;
        }
        if (symbol.endsWith(QUOTE_ASSET) && symbol.substring(0, symbol.length() - QUOTE_ASSET.length()).equals(feeAsset)) {
            return fee.multiply(price);
        }
        return BigDecimal.ZERO;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
