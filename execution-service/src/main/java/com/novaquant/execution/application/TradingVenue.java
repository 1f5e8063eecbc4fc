package com.novaquant.execution.application;

import com.novaquant.events.Venue;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.QueryOutcome;
import com.novaquant.execution.domain.SymbolFilters;

import java.math.BigDecimal;
import java.util.List;

/**
 * The exchange account as execution needs it: both legs (spot and the USD-M perpetual), balances, positions and
 * funding income. Calls block and are bounded by the adapter's timeouts; they are never made on an event loop.
 * A failed read throws {@link VenueUnavailableException}: a missing answer is never "zero" or "flat".
 */
public interface TradingVenue {

    /** Sends one market order; the adapter classifies the answer. Never throws for exchange errors. */
    PlacementOutcome place(LegOrder order);

    /** Looks an order up by its client order id. */
    QueryOutcome query(Venue venue, String symbol, String clientOrderId);

    /** Cancels an open order by client id; true when the exchange confirmed (or the order is already gone). */
    boolean cancel(Venue venue, String symbol, String clientOrderId);

    SymbolFilters filters(Venue venue, String symbol);

    Balances balances(String symbol);

    /** Open USD-M positions, every symbol; an empty list means the exchange said flat. */
    List<PerpPosition> perpPositions();

    /** Client ids of the open orders on one venue for one symbol. */
    List<String> openOrders(Venue venue, String symbol);

    /** Funding income on the futures account since an instant (epoch ms), oldest first. */
    List<FundingIncome> fundingIncome(long sinceMs);

    /** Futures account margin state. */
    MarginAccount marginAccount();

    /**
     * @param spotBaseFree     free base asset on spot (e.g. BTC for BTCUSDT)
     * @param spotBaseTotal    free + locked base asset on spot
     * @param spotQuoteFree    free quote asset (USDT) on spot
     * @param futuresAvailable available balance for new futures positions
     * @param futuresWallet    futures wallet balance
     */
    record Balances(BigDecimal spotBaseFree, BigDecimal spotBaseTotal, BigDecimal spotQuoteFree,
                    BigDecimal futuresAvailable, BigDecimal futuresWallet) {
    }

    /** @param positionAmt signed: negative for a short */
    record PerpPosition(String symbol, BigDecimal positionAmt, BigDecimal entryPrice, BigDecimal markPrice,
                        BigDecimal liquidationPrice) {
    }

    record FundingIncome(String symbol, BigDecimal amount, String asset, long timeMs, long tranId) {
    }

    /** @param marginBalance wallet balance plus unrealised PnL; {@code maintMargin / marginBalance} is the margin ratio */
    record MarginAccount(BigDecimal maintMargin, BigDecimal marginBalance) {
    }
}
