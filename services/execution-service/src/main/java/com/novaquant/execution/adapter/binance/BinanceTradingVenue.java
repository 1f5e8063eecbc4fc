package com.novaquant.execution.adapter.binance;

import com.novaquant.binance.filters.ExchangeInfo;
import com.novaquant.binance.filters.LotSizeFilter;
import com.novaquant.binance.filters.SymbolInfo;
import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.BinanceErrorCodes;
import com.novaquant.binance.outcome.Fill;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.OrderSnapshot;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.rest.AccountTrade;
import com.novaquant.binance.rest.AssetBalance;
import com.novaquant.binance.rest.AssetMode;
import com.novaquant.binance.rest.BinanceRequestException;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.binance.rest.FuturesAccount;
import com.novaquant.binance.rest.IncomeQuery;
import com.novaquant.binance.rest.LeverageSetting;
import com.novaquant.binance.rest.MarginTypeSetting;
import com.novaquant.binance.rest.NewOrder;
import com.novaquant.binance.rest.OrderApi;
import com.novaquant.binance.rest.PositionMode;
import com.novaquant.binance.rest.PremiumIndex;
import com.novaquant.binance.rest.SpotAccount;
import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.MarginType;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.application.VenueUnavailableException;
import com.novaquant.execution.domain.ExchangeTrade;
import com.novaquant.execution.domain.IncomeEntry;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.QueryOutcome;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The trading venue over Binance spot + USD-M (binance-client). The client classifies every answer once into
 * Accepted / Rejected / Unknown / NotSent; this adapter maps those onto the engine's outcomes and adds a hard
 * deadline per call, so that a hung request becomes an Unknown outcome (resolved by query) instead of a stuck leg.
 */
public class BinanceTradingVenue implements TradingVenue {

    private final BinanceRestClient client;
    private final Duration callTimeout;

    /**
     * @param callTimeout the longest any call may take here; above the client's own response timeout so the
     *                    client's classification normally wins
     */
    public BinanceTradingVenue(BinanceRestClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    @Override
    public PlacementOutcome place(LegOrder order) {
        NewOrder request = NewOrder.market(order.symbol(), side(order.side()), order.quantity(), order.clientOrderId());
        if (order.reduceOnly() && order.venue() == Venue.USDM) {
            request = request.asReduceOnly();
        }
        OrderOutcome outcome;
        try {
            outcome = api(order.venue()).placeOrder(request).get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new PlacementOutcome.Unknown("no answer within " + callTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new PlacementOutcome.Unknown("client failure: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlacementOutcome.Unknown("interrupted while waiting for the answer");
        }
        return switch (outcome) {
            case Accepted accepted -> new PlacementOutcome.Accepted(
                    report(order.symbol(), order.clientOrderId(), accepted.order()));
            case Rejected rejected -> new PlacementOutcome.Rejected(rejected.code(), rejected.message(),
                    rejected.retryable());
            case Unknown unknown -> new PlacementOutcome.Unknown(unknown.code() + " " + unknown.reason());
            case NotSent notSent -> new PlacementOutcome.NotSent(notSent.reason() + ": " + notSent.detail());
        };
    }

    @Override
    public QueryOutcome query(Venue venue, String symbol, ClientOrderId clientOrderId) {
        OrderOutcome outcome;
        try {
            outcome = await(api(venue).queryOrder(symbol, clientOrderId));
        } catch (VenueUnavailableException e) {
            return new QueryOutcome.Failed(e.getMessage());
        }
        return switch (outcome) {
            case Accepted accepted -> new QueryOutcome.Found(report(symbol, clientOrderId, accepted.order()));
            case Rejected rejected when rejected.code() == BinanceErrorCodes.NO_SUCH_ORDER -> new QueryOutcome.NotFound();
            case Rejected rejected -> new QueryOutcome.Failed("rejected " + rejected.code() + " " + rejected.message());
            case Unknown unknown -> new QueryOutcome.Failed("unknown: " + unknown.reason());
            case NotSent notSent -> new QueryOutcome.Failed("not sent: " + notSent.reason() + " " + notSent.detail());
        };
    }

    @Override
    public boolean cancel(Venue venue, String symbol, ClientOrderId clientOrderId) {
        OrderOutcome outcome = await(api(venue).cancelOrder(symbol, clientOrderId));
        return outcome instanceof Accepted
                || outcome instanceof Rejected r && r.code() == BinanceErrorCodes.CANCEL_REJECTED;
    }

    @Override
    public SymbolFilters filters(Venue venue, String symbol) {
        SymbolInfo info = symbolInfo(venue, symbol);
        com.novaquant.binance.filters.SymbolFilters f = info.filters();
        LotSizeFilter lot = f.lotSize();
        LotSizeFilter market = f.marketLotSize();
        // A market order must satisfy LOT_SIZE and MARKET_LOT_SIZE: the coarser step and the tighter bounds.
        BigDecimal step = market.stepSize().signum() > 0 ? lot.stepSize().max(market.stepSize()) : lot.stepSize();
        BigDecimal minQty = lot.minQty().max(market.minQty());
        BigDecimal maxQty = minPositive(lot.maxQty(), market.maxQty());
        BigDecimal minNotional = f.notional().applyMinToMarket() || venue == Venue.USDM
                ? f.notional().minNotional() : BigDecimal.ZERO;
        if (step.signum() <= 0) {
            throw new VenueUnavailableException(venue + " " + symbol + " has no LOT_SIZE step");
        }
        return new SymbolFilters(step, minQty, maxQty, minNotional);
    }

    @Override
    public long exchangeTimeMs(Venue venue) {
        return api(venue).serverNowMs();
    }

    @Override
    public Duration recvWindow() {
        return client.config().recvWindow();
    }

    @Override
    public Account account() {
        // Both requests leave before either answer is awaited: one round trip instead of two in a row.
        CompletableFuture<SpotAccount> spotRead = client.spot().account();
        CompletableFuture<FuturesAccount> futuresRead = client.futures().account();
        SpotAccount spot = awaitRead(spotRead);
        FuturesAccount futures = awaitRead(futuresRead);
        Map<String, SpotBalance> balances = new HashMap<>();
        for (AssetBalance balance : spot.balances()) {
            balances.put(balance.asset(), new SpotBalance(balance.free(), balance.total()));
        }
        return new Account(balances, futures.availableBalance(), futures.totalWalletBalance());
    }

    @Override
    public String baseAsset(String symbol) {
        return symbolInfo(Venue.SPOT, symbol).baseAsset();
    }

    @Override
    public List<PerpPosition> perpPositions() {
        return awaitRead(client.futures().positionRisk(null)).stream()
                .filter(p -> p.positionAmount().signum() != 0)
                .map(p -> new PerpPosition(p.symbol(), p.positionAmount(), p.entryPrice(), p.markPrice(),
                        p.liquidationPrice()))
                .toList();
    }

    @Override
    public List<String> openOrders(Venue venue, String symbol) {
        return awaitRead(api(venue).openOrders(symbol)).stream().map(OrderSnapshot::clientOrderId).toList();
    }

    @Override
    public List<IncomeEntry> income(long fromMs, Long toMs) {
        return awaitRead(client.futures().allIncome(IncomeQuery.of(null, null, fromMs, toMs))).stream()
                .map(r -> new IncomeEntry(r.incomeType(), r.symbol(), r.income(), r.asset(), r.timeMs(), r.tranId(),
                        r.tradeId() == null ? "" : r.tradeId()))
                .sorted(java.util.Comparator.comparingLong(IncomeEntry::timeMs))
                .toList();
    }

    @Override
    public List<ExchangeTrade> trades(Venue venue, String symbol, long exchangeOrderId) {
        CompletableFuture<List<AccountTrade>> read = venue == Venue.SPOT ? client.spot().myTrades(symbol, exchangeOrderId)
                : client.futures().userTrades(symbol, exchangeOrderId);
        return awaitRead(read).stream()
                .map(t -> new ExchangeTrade(venue, t.symbol(), t.id(), t.orderId(), t.buyer() ? Side.BUY : Side.SELL,
                        t.price(), t.qty(), t.quoteQty(), t.commission(), t.commissionAsset(),
                        t.realizedPnl() == null ? BigDecimal.ZERO : t.realizedPnl(), t.maker(), t.timeMs()))
                .toList();
    }

    @Override
    public BigDecimal spotPrice(String symbol) {
        return awaitRead(client.spot().lastPrice(symbol));
    }

    @Override
    public PerpMark perpMark(String symbol) {
        PremiumIndex index = awaitRead(client.futures().premiumIndex(symbol));
        return new PerpMark(symbol, index.markPrice(), index.nextFundingTimeMs());
    }

    @Override
    public MarginAccount marginAccount() {
        FuturesAccount account = awaitRead(client.futures().account());
        return new MarginAccount(account.totalMaintMargin(), account.totalMarginBalance());
    }

    @Override
    public AccountSettings accountSettings() {
        CompletableFuture<PositionMode> positionMode = client.futures().positionMode();
        CompletableFuture<AssetMode> assetMode = client.futures().assetMode();
        return new AccountSettings(awaitRead(positionMode) == PositionMode.HEDGE,
                awaitRead(assetMode) == AssetMode.MULTI_ASSETS);
    }

    @Override
    public SymbolSettings prepareSymbol(String symbol, int leverage, MarginType marginType) {
        // Both requests leave before either answer is awaited.
        CompletableFuture<LeverageSetting> leverageSet = client.futures().setLeverage(symbol, leverage);
        CompletableFuture<MarginTypeSetting> marginTypeSet = client.futures().setMarginType(symbol,
                com.novaquant.binance.rest.MarginType.valueOf(marginType.name()));
        List<String> refusals = new ArrayList<>();
        LeverageSetting leverageAnswer = answerOrRefusal(leverageSet, "leverage", refusals);
        MarginTypeSetting marginTypeAnswer = answerOrRefusal(marginTypeSet, "margin type", refusals);
        return new SymbolSettings(symbol, leverageAnswer == null ? 0 : leverageAnswer.leverage(),
                marginTypeAnswer == null ? null : MarginType.valueOf(marginTypeAnswer.marginType().name()),
                refusals.isEmpty() ? null : String.join("; ", refusals));
    }

    /**
     * The answer, or null with the refusal added to {@code refusals} (Binance's, or the client's own for a value Binance
     * would refuse). A refusal that says nothing about the setting (rate limit, ban, timestamp) is no answer, as is
     * none at all: those throw.
     */
    private <T> T answerOrRefusal(CompletableFuture<T> call, String setting, List<String> refusals) {
        try {
            return await(call);
        } catch (VenueUnavailableException e) {
            OrderOutcome outcome = e.getCause() instanceof BinanceRequestException failed ? failed.outcome() : null;
            if (outcome instanceof Rejected r && !r.retryable()) {
                refusals.add(setting + " refused: " + r.code() + " " + r.message());
                return null;
            }
            if (outcome instanceof NotSent n && n.reason() == NotSentReason.INVALID_LOCALLY) {
                refusals.add(setting + " refused: " + n.detail());
                return null;
            }
            throw e;
        }
    }

    private SymbolInfo symbolInfo(Venue venue, String symbol) {
        OrderApi api = api(venue);
        Optional<SymbolInfo> info = api.cachedExchangeInfo().flatMap(i -> i.symbol(symbol));
        if (info.isEmpty()) {
            ExchangeInfo loaded = awaitRead(api.exchangeInfo());
            info = loaded.symbol(symbol);
        }
        return info.orElseThrow(() -> new VenueUnavailableException("unknown symbol " + symbol + " on " + venue));
    }

    private OrderReport report(String symbol, ClientOrderId clientOrderId, OrderSnapshot order) {
        BigDecimal fee = BigDecimal.ZERO;
        String feeAsset = "";
        for (Fill fill : order.fills()) {
            if (fill.commissionAsset() != null && fill.commission() != null) {
                feeAsset = feeAsset.isEmpty() ? fill.commissionAsset() : feeAsset;
                if (feeAsset.equals(fill.commissionAsset())) {
                    fee = fee.add(fill.commission());
                }
            }
        }
        return new OrderReport(clientOrderId, order.orderId(), status(order.status()), order.executedQty(),
                order.averagePrice(), fee, feeAsset);
    }

    private static OrderStatus status(com.novaquant.binance.terms.OrderStatus status) {
        return OrderStatus.fromExchange(status.name());
    }

    private OrderApi api(Venue venue) {
        return venue == Venue.SPOT ? client.spot() : client.futures();
    }

    private static com.novaquant.binance.terms.Side side(Side side) {
        return side == Side.BUY ? com.novaquant.binance.terms.Side.BUY : com.novaquant.binance.terms.Side.SELL;
    }

    private static BigDecimal minPositive(BigDecimal a, BigDecimal b) {
        if (a.signum() <= 0) {
            return b;
        }
        return b.signum() <= 0 ? a : a.min(b);
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VenueUnavailableException("no answer within " + callTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new VenueUnavailableException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueUnavailableException("interrupted");
        }
    }

    private <T> T awaitRead(CompletableFuture<T> future) {
        return await(future);
    }
}
