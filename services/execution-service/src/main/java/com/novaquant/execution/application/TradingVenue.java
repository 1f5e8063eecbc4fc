package com.novaquant.execution.application;

import com.novaquant.events.Venue;
import com.novaquant.execution.domain.ExchangeTrade;
import com.novaquant.execution.domain.IncomeEntry;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.QueryOutcome;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The exchange account as execution needs it: both legs (spot and the USD-M perpetual), balances, positions and
 * funding income. Calls block and are bounded by the adapter's timeouts; they are never made on an event loop.
 * A failed read throws {@link VenueUnavailableException}: a missing answer is never "zero" or "flat".
 */
public interface TradingVenue {

    /** Sends one market order; the adapter classifies the answer. Never throws for exchange errors. */
    PlacementOutcome place(LegOrder order);

    /** Looks an order up by its client order id. */
    QueryOutcome query(Venue venue, String symbol, ClientOrderId clientOrderId);

    /** Cancels an open order by client id; true when the exchange confirmed (or the order is already gone). */
    boolean cancel(Venue venue, String symbol, ClientOrderId clientOrderId);

    SymbolFilters filters(Venue venue, String symbol);

    /**
     * The venue's clock now, epoch ms, as this process best knows it (local time plus the measured offset). An order
     * signed at {@code t} that the venue has not seen by {@code t + recvWindow} on this clock never will: the venue
     * refuses a request older than its recvWindow.
     */
    long exchangeTimeMs(Venue venue);

    /** The recvWindow every signed request carries. */
    Duration recvWindow();

    /** The balances one symbol's execution needs, read now from both accounts. */
    default Balances balances(String symbol) {
        return account().balancesOf(baseAsset(symbol));
    }

    /** Both accounts in one read (spot: every asset; futures: available and wallet balance). */
    Account account();

    /** The base asset of a symbol (BTC for BTCUSDT), from the exchange's symbol list. */
    String baseAsset(String symbol);

    /** Open USD-M positions, every symbol; an empty list means the exchange said flat. */
    List<PerpPosition> perpPositions();

    /** Client ids of the open orders on one venue for one symbol. */
    List<String> openOrders(Venue venue, String symbol);

    /**
     * Every income entry of the futures account (funding, commission, realised PnL, ...) from {@code fromMs} to
     * {@code toMs} inclusive (epoch ms; to null: until now), oldest first, all pages read.
     */
    List<IncomeEntry> income(long fromMs, Long toMs);

    /** The exchange's trade records of one order (spot {@code myTrades}, USD-M {@code userTrades}). */
    List<ExchangeTrade> trades(Venue venue, String symbol, long exchangeOrderId);

    /** The last spot trade price of a symbol (e.g. BNBUSDT, to value commission paid in BNB). */
    BigDecimal spotPrice(String symbol);

    /** The perp symbol's mark price and next funding time, from {@code premiumIndex}. */
    PerpMark perpMark(String symbol);

    /** Futures account margin state. */
    MarginAccount marginAccount();

    /** The futures account's position mode and asset mode, read now. */
    AccountSettings accountSettings();

    /**
     * Sets one perp symbol's leverage and margin type on the futures account. A refusal is an answer (in the result);
     * no answer throws {@link VenueUnavailableException}.
     */
    SymbolSettings prepareSymbol(String symbol, int leverage, MarginType marginType);

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

    /**
     * Spot and futures balances as read together.
     *
     * @param spot             spot balances by asset; an asset not listed holds nothing
     * @param futuresAvailable available balance for new futures positions
     * @param futuresWallet    futures wallet balance
     */
    record Account(Map<String, SpotBalance> spot, BigDecimal futuresAvailable, BigDecimal futuresWallet) {

        /** Every symbol traded here is quoted in USDT (spot and USD-M). */
        public static final String QUOTE_ASSET = "USDT";

        public Account {
            spot = Map.copyOf(spot);
        }

        public Balances balancesOf(String baseAsset) {
            SpotBalance base = spot.getOrDefault(baseAsset, SpotBalance.NONE);
            return new Balances(base.free(), base.total(), spot.getOrDefault(QUOTE_ASSET, SpotBalance.NONE).free(),
                    futuresAvailable, futuresWallet);
        }
    }

    /** One spot asset: free, and free + locked. */
    record SpotBalance(BigDecimal free, BigDecimal total) {
        public static final SpotBalance NONE = new SpotBalance(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** @param positionAmt signed: negative for a short */
    record PerpPosition(String symbol, BigDecimal positionAmt, BigDecimal entryPrice, BigDecimal markPrice,
                        BigDecimal liquidationPrice) {
    }

    /** @param nextFundingTimeMs epoch ms of the symbol's next funding time */
    record PerpMark(String symbol, BigDecimal markPrice, long nextFundingTimeMs) {
    }

    /**
     * @param hedgeMode       Hedge Mode: every order must name a LONG or SHORT position (false: One-way Mode)
     * @param multiAssetsMode Multi-Assets Mode: other assets than USDT count as margin (false: Single-Asset Mode)
     */
    record AccountSettings(boolean hedgeMode, boolean multiAssetsMode) {
    }

    /**
     * One perp symbol's settings as the venue answered the request to set them.
     *
     * @param leverage   the leverage the venue confirmed; 0 when it refused to set it
     * @param marginType the margin type it confirmed; null when it refused to set it
     * @param refusal    the venue's code and message for what it refused, else null
     */
    record SymbolSettings(String symbol, int leverage, MarginType marginType, String refusal) {
    }

    /** @param marginBalance wallet balance plus unrealised PnL; {@code maintMargin / marginBalance} is the margin ratio */
    record MarginAccount(BigDecimal maintMargin, BigDecimal marginBalance) {
    }
}
