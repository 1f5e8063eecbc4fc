package com.novaquant.execution.application;

import com.novaquant.execution.domain.CommissionValue;
import com.novaquant.execution.domain.ExchangeTrade;
import com.novaquant.execution.domain.IncomeEntry;
import com.novaquant.execution.domain.PnlReport;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange's own records of the account, kept beside the ledger: trades with their commission and income entries,
 * each stored once by the exchange's id. Booking them corrects the ledger's pairs (fees, perp realised PnL, spot
 * commission in kind, funding), so the books agree with the exchange to the last unit.
 */
public interface Books {

    /** Filled orders (final status, something executed) whose trade records are not booked yet, oldest first. */
    List<OrderRecord> ordersAwaitingTrades(int limit);

    /**
     * Books an order's trade records in one transaction: stores them (a trade seen before is skipped), replaces the
     * fees and perp realised PnL the order's answer gave with theirs, takes spot commission paid in the base asset
     * from the spot leg (unless the account's holdings were adopted for it already), and updates a closed pair's net
     * PnL.
     *
     * @param baseAsset the symbol's base asset (BTC for BTCUSDT)
     * @return what booking changed; {@link TradeBooking.Result#INCOMPLETE} when the trades do not yet add up to the
     *         order's executed quantity (nothing is written then)
     */
    TradeBooking.Result bookTrades(ClientOrderId clientOrderId, String baseAsset, List<ValuedTrade> trades);

    /**
     * Stores income entries once (by type and tranId). A funding payment is credited to the pair that held the
     * symbol's perp at the funding time, closed or not.
     *
     * @return the entries stored by this call
     */
    List<IncomeEntry> recordIncome(List<IncomeEntry> entries);

    /** The time of the newest stored income entry, epoch ms, or 0. */
    long latestIncomeTimeMs();

    /** The time of the symbol's newest stored funding payment, epoch ms, or 0. */
    long latestFundingTimeMs(String symbol);

    /**
     * PnL from {@code from} to {@code to}.
     *
     * @param unrealisedByPair each active pair's unrealised PnL now, at the marks of {@code markSource}
     */
    PnlReport report(Instant from, Instant to, Map<PairId, BigDecimal> unrealisedByPair, String markSource);

    /** Keeps the unrealised PnL at an instant, the start of a later window. */
    void sampleUnrealised(Instant at, BigDecimal unrealised);

    /** The ledger's own totals of the window [from, to], for comparing with the exchange's. */
    RecordTotals totals(Instant from, Instant to);

    /** When the oldest order awaiting its trade records was created. */
    Optional<Instant> oldestAwaitingTrades();

    /** When the ledger's first order was written, if any. */
    Optional<Instant> firstOrderAt();

    /** A trade record with its commission valued in USDT. */
    record ValuedTrade(ExchangeTrade trade, CommissionValue commission) {
    }

    /**
     * @param income         stored income entries summed by type, then by asset
     * @param perpCommission commission of stored USD-M trades, by asset
     * @param perpRealized   realised PnL of stored USD-M trades (USDT)
     */
    record RecordTotals(Map<String, Map<String, BigDecimal>> income, Map<String, BigDecimal> perpCommission,
                        BigDecimal perpRealized) {
    }
}
